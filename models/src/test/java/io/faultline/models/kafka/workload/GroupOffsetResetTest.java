package io.faultline.models.kafka.workload;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group member without a committed offset follows {@code auto.offset.reset} (FIDELITY C8.3):
 * earliest reads from the log start, latest from the high watermark it finds, none fails its polls
 * with {@code :no-offset-for-partition} and reads nothing.
 */
class GroupOffsetResetTest {
    private static final long S = Simulation.SECONDS;

    /** A group of one joins while a producer writes; returns the history after 20 s. */
    private static History run(String reset) {
        Simulation sim = new Simulation(1);
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(Map.of("auto.offset.reset", reset)),
                new ClusterShape(3, 2, 3));
        c.addProducer(2, 50 * Simulation.MILLIS, 20 * S);
        c.addGroupConsumer("g", 100 * Simulation.MILLIS, 500);
        sim.run(20 * S);
        return c.history();
    }

    private static Set<Integer> members(History h) {
        Set<Integer> out = new TreeSet<>();
        for (Op op : h) {
            if (op.f().equals(KafkaOps.SUBSCRIBE)) {
                out.add(op.process());
            }
        }
        return out;
    }

    /** The lowest offset the group read in each partition. */
    private static Map<Value, Long> firstRead(History h) {
        Set<Integer> members = members(h);
        Map<Value, Long> out = new java.util.LinkedHashMap<>();
        for (Op op : h) {
            if (op.type() == OpType.OK && op.f().equals(KafkaOps.POLL) && members.contains(op.process())) {
                KafkaOps.reads(op).forEach((k, rs) -> rs.forEach(r -> out.merge(k, r.offset(), Math::min)));
            }
        }
        return out;
    }

    @Test
    void earliestReadsFromTheLogStartAndLatestFromTheHighWatermark() {
        Map<Value, Long> earliest = firstRead(run("earliest"));
        assertEquals(2, earliest.size(), earliest::toString);
        earliest.values().forEach(o -> assertEquals(0L, o, "earliest: " + earliest));
        Map<Value, Long> latest = firstRead(run("latest"));
        assertEquals(2, latest.size(), latest::toString);
        latest.values().forEach(o -> assertTrue(o > 0, "latest skips what was written before the join: " + latest));
    }

    @Test
    void noneFailsThePollsAndReadsNothing() {
        History h = run("none");
        Set<Integer> members = members(h);
        List<Op> failed = h.ops().stream().filter(op -> members.contains(op.process()) && op.f().equals(KafkaOps.POLL)
                && op.type() == OpType.FAIL).toList();
        assertFalse(failed.isEmpty(), "poll() throws NoOffsetForPartitionException");
        assertEquals(Value.kw("no-offset-for-partition"), failed.get(0).value());
        assertTrue(firstRead(h).isEmpty(), "nothing was read: " + firstRead(h));
    }
}
