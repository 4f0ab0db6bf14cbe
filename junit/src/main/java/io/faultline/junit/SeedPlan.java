package io.faultline.junit;

import io.faultline.faults.FaultSchedule;
import io.faultline.faults.FaultSpace;
import java.util.ArrayList;
import java.util.List;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One seed to run, as the provider planned it: the test method, the seed, an explicit schedule (a
 * replay) or none, and the catalog run's spec. Makes a fresh {@link CaseRunner} per invocation.
 */
record SeedPlan(SimulationMethod method, long seed, Optional<FaultSchedule> explicit, Optional<RunSpec> spec,
        Optional<Prefetch> prefetch) {

    CaseRunner newRunner() {
        Optional<Scenario> scenario = method.scenario();
        if (scenario.isPresent()) {
            RunSpec runSpec = spec.orElseThrow();
            Optional<FaultSpace> space = hooks(FaultSpaceFactory.class).stream().findFirst()
                    .map(f -> f.faultSpace(scenario.get(), runSpec));
            return new CaseRunner.Catalog(scenario.get(), runSpec, explicit, space, prefetch);
        }
        return new CaseRunner.Built(method.testClass() + "." + method.testMethod(), seed, explicit, hooks(SystemSetup.class));
    }

    /** The hooks of this kind, in the order the annotation names them. */
    <H extends SimulationHook> List<H> hooks(Class<H> kind) {
        List<H> out = new ArrayList<>();
        for (SimulationHook h : method.hooks()) {
            if (kind.isInstance(h)) {
                out.add(kind.cast(h));
            }
        }
        return out;
    }

    /** Tells the template (the parent of this invocation) that a seed failed. */
    void markFailed(ExtensionContext invocation) {
        invocation.getParent().ifPresent(parent -> parent.getStore(SimulationExtension.NAMESPACE).put("failed", Boolean.TRUE));
    }
}
