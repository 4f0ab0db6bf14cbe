package io.faultline.models.kafka.scenario;

import io.faultline.checker.Outcome;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.server.ControllerSeat;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ZooKeeper-era controller fails over (FIDELITY C4.1) and kafka/controller-failover shows the window. */
class ControllerFailoverTest {
    private static final long S = Simulation.SECONDS;

    @Test
    void noElectionWhileTheSeatIsEmptyThenTheNextBrokerTakesItWithTheNextEpochAndResumes() {
        Simulation sim = new Simulation(3);
        KafkaConfig config = KafkaConfig.of(Map.of("kafka.version", "2.0", "kafka.controller.load.ms", "4000"));
        KafkaCluster c = KafkaCluster.create(sim, config, new ClusterShape(3, 1, 3));
        sim.run(2 * S);
        assertEquals(new ControllerSeat(0, 1, 0), c.controller().seat(), "b1 registered first and holds /controller");
        assertEquals(0, c.leaderOf(0));
        c.brokerHost(0).crash();
        // Run until 10 s: the session (6 s at 2.0) has expired, but the new controller is still loading the state.
        sim.run(10 * S);
        ControllerSeat seat = c.controller().seat();
        assertEquals(1, seat.holder(), "the lowest live broker wins the race");
        assertEquals(2, seat.epoch(), "a new controller bumps the controller epoch");
        assertEquals(0, c.leaderOf(0), "nobody elected a leader while no controller acted");
        sim.run(14 * S);
        assertEquals(1, c.leaderOf(0), "once loaded, the new controller replaces the dead leader");
        assertTrue(c.controller().elections().toString().contains("controller gone"));
        assertTrue(sim.violation().isEmpty(), sim.violation().toString());
    }

    @Test
    void kraftHasNoControllerSeatToLose() {
        Simulation sim = new Simulation(3);
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(Map.of("kafka.version", "3.7")), new ClusterShape(3, 1, 3));
        sim.run(2 * S);
        c.brokerHost(0).crash();
        sim.run(13 * S);
        assertTrue(!c.controller().seat().held());
        assertEquals(1, c.leaderOf(0), "the quorum fences the broker after broker.session.timeout.ms (C4)");
    }

    private static RunResult run(long seed, String... sets) {
        return KafkaScenariosTest.run(ControllerFailoverScenario.SCENARIO, seed, sets);
    }

    @Test
    void theFailoverWindowExpiresSendsInZooKeeperModeAndNotWithKraft() {
        RunResult zk = run(1);
        assertEquals(Outcome.INVALID, zk.outcome());
        assertTrue(zk.checks().toString().contains("expired with an unknown outcome"), zk.checks().toString());
        assertEquals(Outcome.VALID, run(1, "kafka.version=3.7").outcome());
    }
}
