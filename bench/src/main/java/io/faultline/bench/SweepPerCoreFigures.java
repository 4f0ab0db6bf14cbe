package io.faultline.bench;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Seeds per CPU-second of one sweep thread in steady state, for every catalog scenario (or those
 * named): each scenario runs seeds after a warm-up until {@code seconds} of this thread's CPU are
 * spent, so JIT warm-up and JVM start are left out and a loaded machine changes little (the thread's
 * CPU time, not the wall clock). A seed is what a sweep runs for it: the simulation and its checks.
 * Usage: {@code java -XX:+UseSerialGC -Xmn512m -cp bench/target/benchmarks.jar
 * io.faultline.bench.SweepPerCoreFigures [seconds] [scenario...]}.
 */
public final class SweepPerCoreFigures {
    private SweepPerCoreFigures() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 4;
        List<Scenario> scenarios = args.length > 1
                ? List.of(args).subList(1, args.length).stream().map(Scenarios::get).toList() : Scenarios.all();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.println("| scenario | seeds measured | thread CPU | seeds per CPU-second | CPU ms per seed |");
        System.out.println("|---|---|---|---|---|");
        for (Scenario s : scenarios) {
            long seed = 1_000_000;
            long warm = cpu.getCurrentThreadCpuTime() + (long) (seconds * 0.4e9);
            for (int n = 0; n < 2 || cpu.getCurrentThreadCpuTime() < warm; n++) {
                runOne(s, seed++);
            }
            long start = cpu.getCurrentThreadCpuTime();
            long end = start + (long) (seconds * 1e9);
            int measured = 0;
            while (measured < 3 || cpu.getCurrentThreadCpuTime() < end) {
                runOne(s, seed++);
                measured++;
            }
            double spent = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f s | %.1f | %.1f |%n", s.name(), measured, spent,
                    measured / spent, spent * 1000 / measured);
        }
    }

    /** One seed; a seed that fails inside the model is named (a bug to replay) and the figures go on. */
    private static void runOne(Scenario s, long seed) {
        try {
            s.run(s.spec(seed));
        } catch (RuntimeException e) {
            System.out.println("<!-- " + s.name() + " seed " + seed + " failed: " + e + " -->");
        }
    }
}
