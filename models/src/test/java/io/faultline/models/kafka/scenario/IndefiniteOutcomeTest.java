package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A send that may have been appended completes as {@code :info}; one the broker surely rejected
 * completes as {@code :fail} (Jepsen's definite/indefinite rule, FIDELITY C3, C10).
 */
class IndefiniteOutcomeTest {
    private static final long S = Simulation.SECONDS;

    private static KafkaConfig config(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("acks", "all");
        m.put("min.insync.replicas", "2");
        m.put("retries", "0");
        m.put("enable.idempotence", "false");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return KafkaConfig.of(m);
    }

    /** Completion types of sends invoked in [from, to). */
    private static Set<OpType> outcomes(KafkaCluster c, long from, long to) {
        Map<Integer, Long> invokedAt = new java.util.TreeMap<>();
        Set<OpType> out = new TreeSet<>();
        for (Op op : c.history()) {
            if (op.type() == OpType.INVOKE) {
                invokedAt.put(op.process(), op.time().orElse(0));
            } else {
                long t = invokedAt.getOrDefault(op.process(), -1L);
                if (t >= from && t < to) {
                    out.add(op.type());
                }
            }
        }
        return out;
    }

    @Test
    void appendedRecordsAnsweredNotLeaderAreIndefinite() {
        // b2 leads after b1 (the preferred replica) crashed and came back. b2's followers cannot
        // fetch, so its produces are appended and wait for the HW; then the preferred leader election
        // (C4) moves leadership back to b1, and b2 resigns, answering the waiting produces
        // NOT_LEADER_OR_FOLLOWER.
        Simulation sim = new Simulation(11);
        KafkaCluster c = KafkaCluster.create(sim, config("request.timeout.ms", "3000", "delivery.timeout.ms", "60000",
                "leader.imbalance.check.interval.seconds", "12"), new ClusterShape(3, 1, 3));
        c.addProducer(2, 100 * Simulation.MILLIS, 20 * S);
        sim.run(S);
        c.brokerHost(0).crash();
        sim.run(10_500 * Simulation.MILLIS);
        assertEquals(1, c.leaderOf(0), "b2 took over");
        c.brokerHost(0).restart();
        sim.run(11_200 * Simulation.MILLIS);
        long cutAt = sim.now();
        for (int b : List.of(0, 2)) {
            sim.network().cutChannel(c.hostOf(1), c.hostOf(b), KafkaMessage.DATA);
        }
        sim.run(14 * S);
        assertEquals(0, c.leaderOf(0), "the preferred leader election moved leadership back to b1");
        Set<OpType> during = outcomes(c, cutAt, 12 * S);
        assertTrue(during.contains(OpType.INFO), "appended, then NOT_LEADER_OR_FOLLOWER: indefinite " + during);
        assertFalse(during.contains(OpType.FAIL), "none of them is a definite failure " + during);
    }

    @Test
    void notEnoughReplicasBeforeTheAppendIsADefiniteFailure() {
        Simulation sim = new Simulation(11);
        KafkaCluster c = KafkaCluster.create(sim, config("request.timeout.ms", "2000", "delivery.timeout.ms", "10000"), new ClusterShape(3, 1, 3));
        c.addProducer(2, 100 * Simulation.MILLIS, 30 * S);
        sim.run(2 * S);
        int leader = c.leaderOf(0);
        for (int b = 0; b < 3; b++) {
            if (b != leader) {
                c.brokerHost(b).crash();
            }
        }
        sim.run(15 * S);
        assertEquals(List.of(leader), c.controller().partitions().get(0).isr(), "the ISR shrank to the leader");
        Set<OpType> after = outcomes(c, 16 * S, 28 * S);
        sim.run(30 * S);
        after = outcomes(c, 16 * S, 28 * S);
        assertEquals(Set.of(OpType.FAIL), after, "NOT_ENOUGH_REPLICAS: nothing was appended");
    }
}
