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
 * One seed to run, as the provider planned it: the seed, an explicit schedule (a replay) or none,
 * and how the test is written. Makes a fresh {@link CaseRunner} per invocation.
 */
record SeedPlan(String testClass, String testMethod, long seed, Optional<FaultSchedule> explicit,
        Optional<Scenario> scenario, Optional<RunSpec> spec, boolean shrink, int maxShrinkReruns,
        List<SimulationHook> hooks, Optional<Prefetch> prefetch) {

    CaseRunner newRunner() {
        if (scenario.isPresent()) {
            RunSpec runSpec = spec.orElseThrow();
            Optional<FaultSpace> space = hooks(FaultSpaceFactory.class).stream().findFirst()
                    .map(f -> f.faultSpace(scenario.get(), runSpec));
            return new CaseRunner.Catalog(scenario.get(), runSpec, explicit, space, prefetch);
        }
        return new CaseRunner.Built(testClass + "." + testMethod, seed, explicit, hooks(SystemSetup.class));
    }

    /** The hooks of this kind, in the order the annotation names them. */
    <H extends SimulationHook> List<H> hooks(Class<H> kind) {
        List<H> out = new ArrayList<>();
        for (SimulationHook h : hooks) {
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
