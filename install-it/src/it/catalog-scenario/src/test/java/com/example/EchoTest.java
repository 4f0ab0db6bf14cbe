package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.Outcome;
import io.faultline.junit.SimulationTest;
import io.faultline.sim.scenario.RunResult;

// tag::test[]
class EchoTest {
    // demo/echo's server is stateless, so the crashes and partitions drawn per seed cost it nothing.
    @SimulationTest(scenario = "demo/echo", seeds = 20)
    void everyOkEchoReturnsWhatWasSent(RunResult result) {
        assertEquals(Outcome.VALID, result.outcome());
    }
}
// end::test[]
