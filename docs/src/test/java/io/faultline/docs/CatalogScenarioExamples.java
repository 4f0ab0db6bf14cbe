package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.Outcome;
import io.faultline.junit.SimulationTest;
import io.faultline.sim.scenario.RunResult;

/**
 * The chapter's catalog-scenario example, the same text as the {@code SimulationTest} Javadoc's.
 * Not run by Surefire on its own (the name does not end in Test): it fails, as the chapter says, so
 * {@link CatalogScenarioExampleTest} runs it through JUnit's EngineTestKit and checks what it finds.
 */
class CatalogScenarioExamples {
    // tag::catalog-scenario[]
    @SimulationTest(scenario = "demo/broadcast", seeds = 1000)
    void everyAckedValueArrives(RunResult result) {
        assertEquals(Outcome.VALID, result.outcome());
    }
    // end::catalog-scenario[]
}
