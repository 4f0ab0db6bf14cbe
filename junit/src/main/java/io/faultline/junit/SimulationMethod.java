package io.faultline.junit;

import io.faultline.faults.FaultSchedule;
import io.faultline.sim.BadInputException;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What one {@link SimulationTest} method declares, read once when JUnit asks for its invocations:
 * the annotation, where the method is, the catalog scenario it names (if any) and its hooks. Every
 * seed's {@link SeedPlan} is made from it.
 */
record SimulationMethod(SimulationTest test, String testClass, String testMethod, Optional<Scenario> scenario,
        List<SimulationHook> hooks) {

    /**
     * The plan of one seed, with these settings (the annotation's, plus a replay's), an explicit
     * schedule for a replay, and the prefetch that may already be running the seed.
     */
    SeedPlan plan(List<String> settings, long seed, Optional<FaultSchedule> explicit, Optional<Prefetch> prefetch) {
        Optional<RunSpec> spec = scenario.map(s -> {
            try {
                return s.spec(seed, settings,
                        test.duration().isEmpty() ? Optional.empty() : Optional.of(test.duration()));
            } catch (BadInputException e) {
                throw new ExtensionConfigurationException("@SimulationTest(scenario = \"" + s.name() + "\"): " + e.getMessage());
            }
        });
        return new SeedPlan(this, seed, explicit, spec, prefetch);
    }

    boolean shrink() {
        return test.shrink();
    }

    int maxShrinkReruns() {
        return test.maxShrinkReruns();
    }
}
