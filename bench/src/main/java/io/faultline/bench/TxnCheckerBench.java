package io.faultline.bench;

import io.faultline.checker.history.History;
import io.faultline.checker.log.KafkaLogChecker;
import io.faultline.checker.log.LogCheckResult;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Kafka log checker with its transactional cycle search (FIDELITY C12.4) on
 * {@link TxnHistories} of {@code ops} events over 8 keys and 20 clients. Target (issue 16): 100,000
 * operations in under 10 s. Also a plain {@code main} that checks one history and prints the wall
 * and CPU time: {@code java -cp bench/target/benchmarks.jar io.faultline.bench.TxnCheckerBench 100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TxnCheckerBench {
    @Param({"10000", "100000"})
    public int ops;

    private History history;

    @Setup
    public void generate() {
        history = TxnHistories.readCommitted(1, ops, 8, 20);
    }

    @Benchmark
    public LogCheckResult check() {
        return new KafkaLogChecker().check(history);
    }

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        History h = TxnHistories.readCommitted(1, ops, 8, 20);
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.printf("load average %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int run = 0; run < 3; run++) {
            long cpu = bean.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            LogCheckResult r = new KafkaLogChecker().check(h);
            System.out.printf("%,d ops: %s, wall %d ms, cpu %d ms%n", h.size(), r.summary(),
                    (System.nanoTime() - wall) / 1_000_000, (bean.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        }
    }
}
