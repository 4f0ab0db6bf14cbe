package io.faultline.bench;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.sim.Bounds;
import io.faultline.sim.Simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Retention of 10 days at 1,000 records per simulated second (issue 16), in virtual time: three
 * brokers, one topic of three partitions (RF 3, Kafka 3.7 defaults, idempotence off as in
 * {@link KafkaThroughputBench}), {@code retention.ms} of 10 days, run for 11 simulated days so that
 * retention deletes and the log start offset moves. One producer worker sends one producer batch of
 * {@link #RECORDS_PER_BATCH} records about every two seconds (a producer with {@code linger.ms} of
 * 2,000 and a {@code batch.size} of at least 200 KB), and the model's log stores a batch as one entry
 * of {@code kafka.record.bytes} = 2,000 x 100 bytes: so the run costs events per batch, not per
 * record, and a segment of 1 GiB holds about 5,400 batches. Idle long-polls and checkpoints run at
 * their slowest allowed settings (a parked follower fetch is answered as soon as a batch arrives, so
 * replication is not slower). Prints, per simulated day, the leaders' log start offsets, and at the
 * end the batches, records, events, run-thread CPU, wall time and peak heap.
 */
public final class KafkaRetentionBench {
    /** Records one log entry stands for: a producer batch of 2,000 records of 100 bytes. */
    static final long RECORDS_PER_BATCH = 2_000;
    private static final long DAY = 86_400L * Simulation.SECONDS;

    private KafkaRetentionBench() {
    }

    public static void main(String[] args) {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kafka.version", "3.7");
        s.put("enable.idempotence", "false");
        s.put("kafka.record.bytes", String.valueOf(RECORDS_PER_BATCH * 100));
        s.put("retention.ms", String.valueOf(10 * DAY / Simulation.MILLIS));
        s.put("replica.fetch.wait.max.ms", "60000");
        s.put("replica.high.watermark.checkpoint.interval.ms", "60000");
        s.put("kafka.writeback.ms", "60000");
        Simulation sim = new Simulation(1, new Bounds(Long.MAX_VALUE, Long.MAX_VALUE));
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(s), new ClusterShape(3, 3, 3));
        c.addProducer(1, 2 * Simulation.SECONDS, Long.MAX_VALUE);
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int d = 1; d <= days; d++) {
            sim.run(d * DAY);
            StringBuilder starts = new StringBuilder();
            for (int p = 0; p < 3; p++) {
                ReplicaLog log = c.log(c.leaderOf(p), p).orElseThrow();
                starts.append(" p").append(p).append(" [").append(log.logStartOffset()).append(", ").append(log.leo())
                        .append(")");
            }
            System.out.printf("day %d: leaders' logs (batches)%s, %.1f s wall%n", d, starts,
                    (System.nanoTime() - wallStart) / 1e9);
        }
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        long batches = 0;
        for (int p = 0; p < 3; p++) {
            batches += c.leo(c.leaderOf(p), p);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%d simulated days: %d batches = %d records (%.0f records/s), %d events, run thread CPU %.1f s,"
                + " wall %.1f s, peak heap (sum of the heap pools' peaks) %d MB%n", days, batches,
                batches * RECORDS_PER_BATCH, batches * RECORDS_PER_BATCH / (days * 86_400.0), sim.eventCount(),
                cpuSeconds, wallSeconds, peak >> 20);
    }
}
