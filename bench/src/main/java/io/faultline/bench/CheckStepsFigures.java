package io.faultline.bench;

import io.faultline.checker.CheckOptions;
import io.faultline.checker.Linearizability;
import io.faultline.checker.history.History;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Models;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code faultline check} process pays for each step, cold and warm: reads the files and
 * checks them with the CLI's options (a 120 s limit instead of 10 s, so that a loaded machine still
 * decides), round after round in one JVM, printing per round the main thread's CPU for reading and
 * checking and the whole process's CPU for checking (key threads and the JIT). The first round is
 * what a process pays; the last ones the same work warm (bench/README.md, "Where one check process
 * spends its time"). Usage: {@code java -XX:+UseSerialGC -cp bench/target/benchmarks.jar
 * io.faultline.bench.CheckStepsFigures ROUNDS MODEL FILE...}.
 */
public final class CheckStepsFigures {
    private CheckStepsFigures() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Model<?> model = Models.byName(args[1]);
        CheckOptions options = CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(120));
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            long t0 = thread.getCurrentThreadCpuTime();
            List<History> histories = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                History h = HistoryReaders.read(Path.of(args[i]), HistoryFormat.AUTO).history();
                if (h.size() > 0) {
                    histories.add(h);
                }
            }
            long t1 = thread.getCurrentThreadCpuTime();
            long p1 = process.getProcessCpuTime();
            StringBuilder outcomes = new StringBuilder();
            for (History h : histories) {
                outcomes.append(Linearizability.check(h, model, options).outcome().name().charAt(0));
            }
            long t2 = thread.getCurrentThreadCpuTime();
            long p2 = process.getProcessCpuTime();
            System.out.printf("round %d: read %.1f ms, check %.1f ms of main-thread CPU, %.1f ms of process CPU;"
                    + " outcomes %s%n", round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (p2 - p1) / 1e6, outcomes);
        }
    }
}
