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
 * defaults: acks=all, min ISR 1), one producer host with eight synchronous workers sending as
 * fast as acknowledgements return (about 1,000 records per simulated second), for
 * {@link #simulatedSeconds} of virtual time. One shot: the wall time of the whole run. The history
 * is recorded as in every scenario. Idempotence is off: the simulated network does not keep
 * messages in order (TCP would), so concurrent idempotent sends to one partition are retried on
 * out-of-order sequence numbers, which slows the producer without changing the model's load.
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

    /** The last run, kept so that {@link #main} can measure what it holds. */
    private Simulation last;

    @Benchmark
    public long oneSimulatedRun() {
        Simulation sim = new Simulation(1, new Bounds(Long.MAX_VALUE, Long.MAX_VALUE));
        last = sim;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.version", "3.7");
        settings.put("enable.idempotence", "false");
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(settings), new ClusterShape(3, 3, 3));
        c.addProducer(8, Simulation.MILLIS, Long.MAX_VALUE);
        sim.run(simulatedSeconds * Simulation.SECONDS);
        long records = 0;
        for (int p = 0; p < 3; p++) {
            records += c.leo(c.leaderOf(p), p);
        }
        return records;
    }

    /**
     * One run of {@code args[0]} simulated seconds (default 3600), printing the records and the CPU
     * time of the run's thread, which a shared machine distorts less than wall time. Not a JMH run.
     */
    public static void main(String[] args) {
        KafkaThroughputBench b = new KafkaThroughputBench();
        b.simulatedSeconds = args.length > 0 ? Long.parseLong(args[0]) : 3600;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long records = b.oneSimulatedRun();
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        // The run's simulation is still reachable here, so this is what it holds at the end.
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        memory.gc();
        System.out.printf("%d simulated s: %d records, %d events, run thread CPU %.1f s, wall %.1f s, live heap at the end"
                + " %d MB%n", b.simulatedSeconds, records, b.last.eventCount(), cpuSeconds, wallSeconds,
                memory.getHeapMemoryUsage().getUsed() >> 20);
    }
}
