package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.server.Broker;
import io.faultline.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Committed offsets live in __consumer_offsets (FIDELITY C7.6): with 3 replicas they survive the
 * coordinator's crash; with one replica and Kafka's default flush policy, the crash loses those not
 * yet written back, as it loses any record of a partition whose only replica loses power (C2, C3).
 */
class CommittedOffsetsFailoverTest {
    private static final long S = Simulation.SECONDS;

    /**
     * The committed offsets the coordinator serves at 12 s, when it crashes, and those the next
     * coordinator serves the moment it takes the group over (before any new commit reaches it).
     * With {@code restart} the crashed broker comes back at 14 s; otherwise it stays down.
     */
    private static List<Map<Integer, Long>> beforeAndAfter(long seed, boolean restart, String... settings) {
        Map<String, String> m = new java.util.LinkedHashMap<>(Map.of("request.timeout.ms", "2000",
                "delivery.timeout.ms", "10000", "auto.commit.interval.ms", "1000"));
        for (String kv : settings) {
            m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        Simulation sim = new Simulation(seed);
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(m), new ClusterShape(3, 2, 3));
        c.addProducer(2, 100 * Simulation.MILLIS, 40 * S);
        c.addGroupConsumer("g", 100 * Simulation.MILLIS, 500);
        sim.run(12 * S);
        Broker old = coordinator(c).orElseThrow();
        Map<Integer, Long> before = old.coordinator().committed("g");
        c.brokerHost(old.id()).crash();
        if (restart) {
            sim.at(14 * S, "restart the coordinator", () -> c.brokerHost(old.id()).restart());
        }
        sim.runUntil(() -> coordinator(c).isPresent(), 40 * S);
        return List.of(before, coordinator(c).orElseThrow().coordinator().committed("g"));
    }

    private static Optional<Broker> coordinator(KafkaCluster c) {
        for (int b = 0; b < c.brokerHosts().size(); b++) {
            Optional<Broker> br = c.broker(b);
            if (br.isPresent() && br.get().coordinator().coordinates("g")) {
                return br;
            }
        }
        return Optional.empty();
    }

    @Test
    void withThreeReplicasNoCommittedOffsetGoesBack() {
        List<Map<Integer, Long>> r = beforeAndAfter(1, false);
        assertEquals(2, r.get(0).size(), "both partitions had commits before the crash: " + r.get(0));
        r.get(0).forEach((p, o) -> assertTrue(r.get(1).getOrDefault(p, -1L) >= o,
                "p" + p + " went back: " + r.get(0) + " -> " + r.get(1)));
    }

    @Test
    void withOneReplicaAndNoFsyncTheCrashLosesRecentCommits() {
        boolean lost = false;
        for (long seed = 1; seed <= 5 && !lost; seed++) {
            List<Map<Integer, Long>> r = beforeAndAfter(seed, true, "offsets.topic.replication.factor=1");
            for (Map.Entry<Integer, Long> e : r.get(0).entrySet()) {
                lost |= r.get(1).getOrDefault(e.getKey(), -1L) < e.getValue();
            }
        }
        assertTrue(lost, "a power loss of the only replica loses the commits not yet written back (C2)");
    }
}
