package io.faultline.models.demo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;

import java.util.List;
import java.util.Optional;

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
        assertTrue(r.history().ops().stream().anyMatch(o -> o.type() == OpType.INFO),
                "1% loss over 30 s should time out at least one echo");
    }

    @Test
    void theEchoCheckCatchesAWrongEcho() {
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(0, "echo", Value.of(5), 1);
        h.complete(0, OpType.OK, "echo", Value.of(5), 2);
        h.invoke(1, "echo", Value.of(6), 3);
        h.complete(1, OpType.OK, "echo", Value.of(7), 4);
        assertEquals(Outcome.INVALID, EchoScenario.echoesMatch(h.build()).outcome());
    }

    @Test
    void broadcastConvergesAfterThePartitionHeals() {
        Scenario s = Scenarios.get("demo/broadcast");
        RunResult r = s.run(s.spec(42));
        assertEquals(Outcome.VALID, r.outcome(), r.checks().toString());
        assertEquals(2, r.faults().size(), r.faults().toString());
        assertEquals(1, r.series().size());
        assertEquals(5, r.tables().get(0).rows().size());
    }

    @Test
    void broadcastRunsAtTheEdgesOfItsRanges() {
        Scenario s = Scenarios.get("demo/broadcast");
        for (String nodes : List.of("nodes=1", "nodes=100")) {
            RunResult r = s.run(s.spec(7, List.of(nodes, "clients=20"), Optional.of("3s")));
            assertEquals(Outcome.VALID, r.outcome(), nodes + ": " + r.checks());
        }
    }

    @Test
    void broadcastWithoutTimelyRetriesIsCaughtMissingValues() {
        Scenario s = Scenarios.get("demo/broadcast");
        RunResult r = s.run(s.spec(42, List.of("retry=1m", "settle=1s", "loss=0.2"), Optional.empty()));
        assertEquals(Outcome.INVALID, r.outcome(), r.checks().toString());
        assertTrue(r.checks().get(0).detail().contains("missing"), r.checks().get(0).detail());
    }
}
