package io.faultline.bench;

import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.scenario.StrongScenario;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code s3/strong} at about 1,000 requests per simulated second (34 clients, 20 ms mean think
 * time, two front-ends, three index replicas, four storage hosts, random partitions and crashes) for
 * {@link #minutes} simulated minutes: wall time of the simulation alone (building the cluster and
 * running it; the linearizability check is not included). The target is under 10 s for
 * 10 simulated minutes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class S3StrongBench {
    @Param({"10"})
    public int minutes;

    @Benchmark
    public long strongAt1000RequestsPerSecond() {
        Scenario s = StrongScenario.SCENARIO;
        RunSpec spec = s.spec(1, List.of("clients=34", "think=20ms", "keys=100"),
                Optional.of(minutes + "m"));
        S3Cluster c = StrongScenario.cluster(spec);
        c.sim().run(spec.durationNanos());
        long ops = c.recorder().history().size() / 2;
        if (ops < (long) minutes * 60 * 500) {
            throw new IllegalStateException("only " + ops + " operations in " + minutes + " simulated minutes");
        }
        return ops;
    }

    /** Prints the operations per simulated second once, to check the load (not a benchmark). */
    public static void main(String[] args) {
        S3StrongBench b = new S3StrongBench();
        b.minutes = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        // The run thread's CPU as well as wall: on a machine shared with other processes, wall
        // measures the load.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long ops = b.strongAt1000RequestsPerSecond();
        System.out.println(ops + " ops in " + b.minutes + " simulated min = "
                + ops / (b.minutes * 60.0 * 0.8) + " ops/s while clients run; wall "
                + (System.nanoTime() - t0) / 1_000_000 + " ms; run-thread CPU "
                + (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000 + " ms; " + Simulation.SECONDS + " ns/s");
    }
}
