package io.faultline.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.faults.FaultSchedule;
import io.faultline.sim.scenario.RunResult;

/** Run by {@link SimulationExtensionTest} through EngineTestKit. */
class CatalogSamples {
    @SimulationTest(scenario = "demo/echo", seeds = 3, duration = "5s")
    void echoes(RunResult result, FaultSchedule schedule, long seed) {
        assertEquals("demo/echo", result.scenario());
        assertEquals(seed, result.seed());
        assertTrue(result.outcome() != Outcome.INVALID, result.checks().toString());
        assertTrue(!schedule.isEmpty());
    }

    @SimulationTest(scenario = "demo/nope", seeds = 3)
    void unknownScenario(RunResult result) {
    }
}
