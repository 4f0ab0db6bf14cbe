package io.faultline.bench;

import io.faultline.checker.Algorithm;
import io.faultline.checker.CheckOptions;
import io.faultline.checker.Linearizability;
import io.faultline.checker.history.History;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.checker.model.Models;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@link CheckerBench} workloads timed by CPU time, the best of 12 runs after the first: on a
 * shared machine, wall-clock JMH scores mostly measure the other processes. {@code WGL}, {@code LINEAR}
 * and {@code COMPETITION} run on one key thread and report that thread's CPU; {@code CLI_DEFAULTS}
 * runs what {@code faultline check} runs (competition, 10 s, two key threads) and reports the CPU of
 * the whole process (every key and helper thread; JIT and GC are quiet by then) and the best wall
 * time. Usage: {@code java -cp bench/target/benchmarks.jar
 * io.faultline.bench.CheckerCpuFigures ../shared [WGL|LINEAR|COMPETITION|CLI_DEFAULTS] [REGEX]}; a
 * REGEX times only the workloads whose names it finds (bench/measure-targets.sh: {@code etcd|c50-ok}).
 */
public final class CheckerCpuFigures {
    private CheckerCpuFigures() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared", "corpus", "porcupine", "test_data");
        String algorithm = args.length > 1 ? args[1] : "WGL";
        boolean cli = algorithm.equals("CLI_DEFAULTS");
        List<History> etcd = new ArrayList<>();
        try (Stream<Path> logs = Files.list(data.resolve("jepsen"))) {
            for (Path p : logs.sorted().toList()) {
                History h = HistoryReaders.read(p, HistoryFormat.AUTO).history();
                if (h.size() > 0) {
                    etcd.add(h);
                }
            }
        }
        History ok = HistoryReaders.read(data.resolve("kv/c50-ok.txt"), HistoryFormat.AUTO).history();
        History bad = HistoryReaders.read(data.resolve("kv/c50-bad.txt"), HistoryFormat.AUTO).history();
        List<History> jepsen = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            jepsen.add(JepsenLikeHistories.casRegister(seed, 500, 20, 12));
        }
        Map<String, Consumer<CheckOptions>> work = new LinkedHashMap<>();
        work.put("etcd, 102 logs", o -> etcd.forEach(h -> Linearizability.check(h, Models.byName("cas-register-etcd"), o)));
        work.put("kv c50-ok", o -> Linearizability.check(ok, Models.byName("kv"), o));
        work.put("kv c50-bad", o -> Linearizability.check(bad, Models.byName("kv"), o));
        work.put("cas-register 10 x 500 ops", o -> jepsen.forEach(h -> Linearizability.check(h, Models.byName("cas-register"), o)));
        CheckOptions options = cli ? CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(10))
                : CheckOptions.defaults().withAlgorithm(Algorithm.valueOf(algorithm)).withThreads(1).withTimeLimit(Duration.ofSeconds(60));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 2 ? args[2] : "");
        for (Map.Entry<String, Consumer<CheckOptions>> e : work.entrySet()) {
            if (!only.matcher(e.getKey()).find()) {
                continue;
            }
            long best = Long.MAX_VALUE;
            long bestWall = Long.MAX_VALUE;
            for (int run = 0; run < 13; run++) {
                long t0 = cli ? os.getProcessCpuTime() : threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                e.getValue().accept(options);
                long wall = System.nanoTime() - w0;
                long spent = (cli ? os.getProcessCpuTime() : threads.getCurrentThreadCpuTime()) - t0;
                if (run > 0) {
                    best = Math.min(best, spent);
                    bestWall = Math.min(bestWall, wall);
                }
            }
            System.out.printf("%s %s: %.1f ms of %s CPU, best wall %.1f ms%n", algorithm, e.getKey(), best / 1e6,
                    cli ? "process" : "thread", bestWall / 1e6);
        }
    }
}
