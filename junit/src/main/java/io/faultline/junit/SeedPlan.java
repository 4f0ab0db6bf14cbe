package io.faultline.junit;

import io.faultline.faults.FaultSchedule;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One seed to run, as the provider planned it: the seed, an explicit schedule (a replay) or none,
 * and how the test is written. Makes a fresh {@link CaseRunner} per invocation.
 */
record SeedPlan(String testClass, String testMethod, long seed, Optional<FaultSchedule> explicit,
        Optional<Scenario> scenario, Optional<RunSpec> spec, boolean shrink, int maxShrinkReruns) {

    CaseRunner newRunner() {
        if (scenario.isPresent()) {
            return new CaseRunner.Catalog(scenario.get(), spec.orElseThrow(), explicit);
        }
        return new CaseRunner.Built(testClass + "." + testMethod, seed, explicit);
    }

    /** Tells the template (the parent of this invocation) that a seed failed. */
    void markFailed(ExtensionContext invocation) {
        invocation.getParent().ifPresent(parent -> parent.getStore(SimulationExtension.NAMESPACE).put("failed", Boolean.TRUE));
    }
}
