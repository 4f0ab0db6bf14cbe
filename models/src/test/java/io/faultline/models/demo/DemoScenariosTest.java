package io.faultline.models.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;

import org.junit.jupiter.api.Test;

class DemoScenariosTest {

    @Test
    void catalogListsBothDemos() {
        assertTrue(Scenarios.find("demo/echo").isPresent());
        assertTrue(Scenarios.find("demo/broadcast").isPresent());
    }

    @Test
    void echoIsValidAndRecordsOperations() {
        Scenario s = Scenarios.get("demo/echo");
        RunResult r = s.run(s.spec(42));
        assertEquals(Outcome.VALID, r.outcome(), r.checks().toString());
        assertTrue(r.history().size() > 100, "history size " + r.history().size());
    }

    @Test
    void broadcastConvergesAfterThePartitionHeals() {
        Scenario s = Scenarios.get("demo/broadcast");
        RunResult r = s.run(s.spec(42));
        assertEquals(Outcome.VALID, r.outcome(), r.checks().toString());
        assertEquals(2, r.faults().size(), r.faults().toString());
    }
}
