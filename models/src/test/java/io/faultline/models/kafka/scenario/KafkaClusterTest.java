package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.sim.BadInputException;
import io.faultline.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Controller behaviours outside the catalog's scripts (FIDELITY C4) and settings as bad input. */
class KafkaClusterTest {

    private static KafkaConfig config(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return KafkaConfig.of(m);
    }

    @Test
    void leadershipReturnsToThePreferredReplicaAfterItRestartsAndCatchesUp() {
        Simulation sim = new Simulation(5);
        KafkaCluster c = KafkaCluster.create(sim, config("leader.imbalance.check.interval.seconds", "3"), new ClusterShape(3, 1, 3));
        c.addProducer(1, 50 * Simulation.MILLIS, 20 * Simulation.SECONDS);
        sim.run(2 * Simulation.SECONDS);
        assertEquals(0, c.leaderOf(0), "the first replica is preferred (C4)");
        c.brokerHost(0).crash();
        sim.run(3 * Simulation.SECONDS);
        c.brokerHost(0).restart();
        sim.run(5 * Simulation.SECONDS);
        assertTrue(c.leaderOf(0) != 0, "a restarted broker comes back as a follower (C4)");
        sim.run(15 * Simulation.SECONDS);
        assertEquals(0, c.leaderOf(0));
        assertTrue(c.controller().elections().toString().contains("preferred leader election"));
        assertTrue(sim.violation().isEmpty(), sim.violation().toString());
    }

    @Test
    void withoutAutoRebalanceTheLeaderStaysWhereFailoverPutIt() {
        Simulation sim = new Simulation(5);
        KafkaCluster c = KafkaCluster.create(sim, config("leader.imbalance.check.interval.seconds", "3",
                "auto.leader.rebalance.enable", "false"), new ClusterShape(3, 1, 3));
        sim.run(2 * Simulation.SECONDS);
        c.brokerHost(0).crash();
        sim.run(3 * Simulation.SECONDS);
        c.brokerHost(0).restart();
        sim.run(20 * Simulation.SECONDS);
        assertTrue(c.leaderOf(0) != 0);
    }

    @Test
    void aSettingOutOfRangeIsBadInputBeforeTheRun() {
        BadInputException e = assertThrows(BadInputException.class, () -> SafeScenario.SCENARIO.spec(1,
                List.of("min.insync.replicas=0"), Optional.empty()));
        assertEquals("min.insync.replicas: '0' is not an integer in 1..16", e.getMessage());
        assertThrows(BadInputException.class, () -> SafeScenario.SCENARIO.spec(1, List.of("acks=7"), Optional.empty()));
    }
}
