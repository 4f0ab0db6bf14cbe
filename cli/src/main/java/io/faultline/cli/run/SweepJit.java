package io.faultline.cli.run;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which JIT a sweep runs under. {@code ./faultline} starts a sweep with C1 alone and
 * {@code -Dfaultline.sweep.jit=c1}; once the sweep's first seed has run, its number of events tells
 * the sweep's size, and a sweep long enough for C2's faster code to pay for C2's compiling starts
 * again in a JVM with both compilers ({@link #relaunch}). C2 compiles a scenario's code in 3-12 s of
 * a core's CPU, as much as a short sweep simulates; C1's code is 1.4-2 times slower per seed
 * (bench/README.md, "A sweep's JIT chosen by its size"). While a core is idle (fewer threads than
 * cores) the compiler runs beside the sweep, so C2 pays off sooner. A relaunch costs a second JVM's
 * start and the first seed again (0.9-1.6 s of CPU measured), and its {@code --time-limit} starts
 * anew.
 */
final class SweepJit {
    /** The system property the launcher sets: {@code c1} when it started this JVM with C1 alone for the sweep to choose. */
    static final String PROPERTY = "faultline.sweep.jit";
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /** Events a sweep that takes every core must run before C2 pays (broadcast 2,000 seeds, 8.4 M: C1 ahead; kafka/safe 200 seeds, 7.5 M: level). */
    static final long C2_EVENTS_ALL_CORES = 10_000_000L;
    /** The same with a core to spare for the compiler (kafka/safe 100 seeds, 3.8 M: C2 ahead at one thread on two cores). */
    static final long C2_EVENTS_SPARE_CORE = 2_000_000L;

    private SweepJit() {
    }

    /** Whether a sweep of {@code seeds} seeds of about {@code eventsPerSeed} events each, on these threads and cores, is worth C2. */
    static boolean wantsC2(int threads, int cores, long seeds, long eventsPerSeed) {
        long events = seeds > Long.MAX_VALUE / Math.max(1, eventsPerSeed) ? Long.MAX_VALUE : seeds * eventsPerSeed;
        return events > (threads < cores ? C2_EVENTS_SPARE_CORE : C2_EVENTS_ALL_CORES);
    }

    /**
     * When the launcher left the choice to the sweep and the sweep wants C2: runs the same command
     * line in a JVM without C1-only (its output and input are this process's) and returns its exit
     * code. Empty when this JVM goes on: the choice was not left to it, the sweep is short, or the
     * user chose a JIT in {@code FAULTLINE_JAVA_OPTS}.
     */
    static OptionalInt relaunch(int threads, long seeds, long eventsPerSeed, List<String> args) {
        if (!"c1".equals(System.getProperty(PROPERTY))
                || !wantsC2(threads, Runtime.getRuntime().availableProcessors(), seeds, eventsPerSeed)) {
            return OptionalInt.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        Optional<List<String>> jvm = withoutC1(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (java.isEmpty() || jvm.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(jvm.get());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), io.faultline.cli.Main.class.getName()));
        command.addAll(args);
        try {
            return OptionalInt.of(new ProcessBuilder(command).inheritIO().start().waitFor());
        } catch (java.io.IOException e) {
            return OptionalInt.empty(); // no second JVM: this one runs the sweep with C1
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(io.faultline.cli.ExitCodes.INTERNAL);
        }
    }

    /**
     * The JVM's arguments without the launcher's C1-only choice, or empty when the user chose a JIT
     * themselves (any other {@code TieredStopAtLevel}, or a second C1-only, is theirs to keep).
     */
    static Optional<List<String>> withoutC1(List<String> jvmArgs) {
        List<String> out = new ArrayList<>();
        int c1 = 0;
        for (String a : jvmArgs) {
            if (a.startsWith("-XX:TieredStopAtLevel=") || a.equals("-XX:-TieredCompilation") || a.startsWith("-XX:CompilationMode=")) {
                if (!a.equals(C1_ONLY) || ++c1 > 1) {
                    return Optional.empty();
                }
            } else if (!a.startsWith("-D" + PROPERTY + "=")) {
                out.add(a);
            }
        }
        return c1 == 1 ? Optional.of(out) : Optional.empty();
    }
}
