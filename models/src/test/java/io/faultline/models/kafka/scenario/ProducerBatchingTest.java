package io.faultline.models.kafka.scenario;

import io.faultline.checker.Outcome;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.Murmur2;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batches on the wire and in the log, keys through the partitioner (FIDELITY C11.1, C11.2), end to end. */
class ProducerBatchingTest {

    private static KafkaCluster run(long seed, String... kv) {
        return run(seed, 8, kv);
    }

    /** A run with {@code workers} synchronous senders: each has at most one record waiting. */
    private static KafkaCluster run(long seed, int workers, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        Simulation sim = new Simulation(seed);
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(m), new ClusterShape(3, 3, 3));
        c.addProducer(workers, 10 * Simulation.MILLIS, 10 * Simulation.SECONDS);
        c.addConsumer(100 * Simulation.MILLIS);
        sim.run(20 * Simulation.SECONDS);
        assertTrue(sim.violation().isEmpty(), sim.violation().toString());
        assertEquals(Outcome.VALID, c.check().outcome(), c.check().detail());
        return c;
    }

    /** The sizes of the batches in a leader's log, from their end marks. */
    private static List<Integer> batchSizes(ReplicaLog log) {
        List<Integer> sizes = new java.util.ArrayList<>();
        int n = 0;
        for (LogRecord r : log.records()) {
            n++;
            if (r.batchEnd()) {
                sizes.add(n);
                n = 0;
            }
        }
        return sizes;
    }

    @Test
    void lingerFillsBatchesUpToBatchSizeAndEveryRecordIsReadOnce() {
        KafkaCluster c = run(3, "linger.ms", "200", "batch.size", "1000");
        List<Integer> sizes = batchSizes(c.log(c.leaderOf(0), 0).orElseThrow());
        assertTrue(sizes.stream().anyMatch(s -> s > 1), "records waiting linger.ms share a batch: " + sizes);
        assertTrue(sizes.stream().allMatch(s -> s <= 10), "batch.size 1000 holds ten 100-byte records: " + sizes);
    }

    @Test
    void compressionPacksMoreRecordsIntoABatch() {
        KafkaCluster plain = run(3, 100, "linger.ms", "200", "batch.size", "1000");
        List<Integer> full = batchSizes(plain.log(plain.leaderOf(0), 0).orElseThrow());
        assertEquals(10, full.stream().mapToInt(Integer::intValue).max().orElseThrow(), "ten 100-byte records: " + full);
        KafkaCluster c = run(3, 100, "linger.ms", "200", "batch.size", "1000", "compression.type", "lz4",
                "kafka.compression.ratio", "25");
        List<Integer> sizes = batchSizes(c.log(c.leaderOf(0), 0).orElseThrow());
        assertTrue(sizes.stream().anyMatch(s -> s > 10), "25-byte records: up to 40 per batch: " + sizes);
        assertTrue(sizes.stream().allMatch(s -> s <= 40), sizes.toString());
    }

    @Test
    void keyedRecordsLandWhereMurmur2SaysAndKeylessOnesStick() {
        KafkaCluster keyed = run(4, "kafka.producer.partitioning", "keyed", "kafka.producer.keys", "5");
        for (int p = 0; p < 3; p++) {
            for (LogRecord r : keyed.log(keyed.leaderOf(p), p).orElseThrow().records()) {
                assertEquals(p, Murmur2.partition(Murmur2.longKey(r.key()), 3), "key " + r.key());
            }
        }
        KafkaCluster keyless = run(4, "kafka.producer.partitioning", "keyless", "linger.ms", "50");
        List<Integer> sizes = batchSizes(keyless.log(keyless.leaderOf(0), 0).orElseThrow());
        assertTrue(keyless.log(keyless.leaderOf(0), 0).orElseThrow().records().stream().noneMatch(LogRecord::hasKey));
        assertTrue(sizes.stream().anyMatch(s -> s > 1), "the sticky partitioner fills batches: " + sizes);
    }
}
