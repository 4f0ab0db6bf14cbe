package io.faultline.bench;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.sim.Bounds;
import io.faultline.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka model at load: three brokers, one topic of three partitions (RF 3, Kafka 3.7
 * defaults: acks=all, min ISR 1), one producer host whose synchronous workers send as fast as
 * acknowledgements return (about 1,000 records per simulated second), for
 * {@link #simulatedSeconds} of virtual time. By default the producer batches as Kafka's does with
 * {@code linger.ms} 100 (FIDELITY C11.1): a partition's batch waits up to 100 ms for more records,
 * and 110 workers keep about 1,000 records a second in flight, about 33 per batch, so a record costs
 * about 1.4 events instead of about 10 ({@code linger.ms} 0 with 8 workers, the 3.7 default, still
 * runs with {@code 3600 -1 0 8}). One shot: the wall time of the whole run. The history
 * is recorded as in every scenario. Idempotence is off: the simulated network does not keep
 * messages in order (TCP would), so concurrent idempotent sends to one partition are retried on
 * out-of-order sequence numbers, which slows the producer without changing the model's load.
 *
 * <p>With {@link #retentionMs} set, the topic keeps that much (segments of 10,000 records, so that
 * retention has closed segments to delete, FIDELITY C8.2): the logs, their simulated disks and the
 * record ledger then stay bounded, and so does the recorded history (spilled to a file), which is
 * what lets a simulated day run in a 1 GB heap. Kafka's default 7 days would keep a day's 86 million
 * records, and the simulated disks live on the heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx10g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class KafkaThroughputBench {
    @Param({"3600"})
    public long simulatedSeconds;

    /** {@code retention.ms} of the topic; -1 keeps Kafka's defaults (7 days, 1 GB segments). */
    @Param({"-1"})
    public long retentionMs;

    /** {@code linger.ms} of the producer. */
    @Param({"100"})
    public long lingerMs;

    /** Synchronous workers (Jepsen processes) sharing the producer. */
    @Param({"110"})
    public int workers;

    /** The last run, kept so that {@link #main} can measure what it holds. */
    private Simulation last;

    @Benchmark
    public long oneSimulatedRun() {
        return run(t -> { });
    }

    /** The run, calling {@code progress} after each simulated hour with the simulation. */
    long run(java.util.function.Consumer<Simulation> progress) {
        Simulation sim = new Simulation(1, new Bounds(Long.MAX_VALUE, Long.MAX_VALUE));
        last = sim;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.version", "3.7");
        settings.put("enable.idempotence", "false");
        if (retentionMs >= 0) {
            settings.put("retention.ms", Long.toString(retentionMs));
            settings.put("segment.bytes", "1000000");
        }
        settings.put("linger.ms", Long.toString(lingerMs));
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(settings), new ClusterShape(3, 3, 3));
        c.addProducer(workers, Simulation.MILLIS, Long.MAX_VALUE);
        long end = simulatedSeconds * Simulation.SECONDS;
        for (long t = Math.min(end, 3600 * Simulation.SECONDS); ; t = Math.min(end, t + 3600 * Simulation.SECONDS)) {
            sim.run(t);
            progress.accept(sim);
            if (t == end) {
                break;
            }
        }
        long records = 0;
        for (int p = 0; p < 3; p++) {
            records += c.leo(c.leaderOf(p), p);
        }
        return records;
    }

    /**
     * One run of {@code args[0]} simulated seconds (default 3600), with {@code retention.ms}
     * {@code args[1]} (default -1: none), {@code linger.ms} {@code args[2]} (default 100) and
     * {@code args[3]} workers (default 110), printing the records, the events, the CPU time of the
     * run's thread (which a shared machine distorts less than wall time), the peak heap (the heap
     * pools' peaks summed: an upper bound, garbage included), the share of wall time in GC and the
     * live heap at the end. Not a JMH run.
     */
    public static void main(String[] args) {
        KafkaThroughputBench b = new KafkaThroughputBench();
        b.simulatedSeconds = args.length > 0 ? Long.parseLong(args[0]) : 3600;
        b.retentionMs = args.length > 1 ? Long.parseLong(args[1]) : -1;
        b.lingerMs = args.length > 2 ? Long.parseLong(args[2]) : 100;
        b.workers = args.length > 3 ? Integer.parseInt(args[3]) : 110;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        long gcStart = gcMillis();
        long wall = System.nanoTime();
        long records = b.run(sim -> System.out.printf("  %d simulated s: %d events, run thread CPU %.1f s, wall %.1f s,"
                + " live heap after the last GC %d MB%n", sim.now() / Simulation.SECONDS, sim.eventCount(),
                (cpu.getCurrentThreadCpuTime() - start) / 1e9, (System.nanoTime() - wall) / 1e9, liveAfterGc() >> 20));
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        double gcShare = (gcMillis() - gcStart) / 1e3 / wallSeconds;
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // The run's simulation is still reachable here, so this is what it holds at the end.
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        memory.gc();
        System.out.printf("%d simulated s (retention.ms %d, linger.ms %d, %d workers): %d records, %d events, run thread CPU %.1f s, wall %.1f s,"
                + " GC %.0f%% of wall, peak heap %d MB (max %d MB), live heap at the end %d MB%n", b.simulatedSeconds,
                b.retentionMs, b.lingerMs, b.workers, records, b.last.eventCount(), cpuSeconds, wallSeconds, 100 * gcShare, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, memory.getHeapMemoryUsage().getUsed() >> 20);
    }

    /** The heap in use right after the last collection, summed over the pools: what was live then. */
    private static long liveAfterGc() {
        long live = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    private static long gcMillis() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }
}
