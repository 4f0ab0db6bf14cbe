package io.faultline.junit;

import io.faultline.checker.Threads;
import io.faultline.sim.scenario.RunResult;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Runs the seeds of a catalog scenario ahead of JUnit, on several cores: each run stays on one
 * thread and depends only on its seed, so results do not depend on the number of cores. JUnit still
 * reports the seeds one by one, in order. At most {@code window} runs are ahead at any time. Closed
 * (its threads stopped) with the test method's store.
 */
final class Prefetch implements AutoCloseable {
    /** Threads for running seeds ahead; 1 runs them in JUnit's thread only. */
    static final String PARALLEL_PROPERTY = "faultline.parallel";

    private final ExecutorService pool;
    private final LongFunction<RunResult> run;
    private final long lastSeed;
    private final int window;
    private final Map<Long, Future<RunResult>> ahead = new TreeMap<>();
    private long submittedUpTo;

    private Prefetch(int threads, LongFunction<RunResult> run, long firstSeed, long lastSeed) {
        this.pool = Executors.newFixedThreadPool(threads, Threads.daemon("faultline-seed"));
        this.run = run;
        this.lastSeed = lastSeed;
        this.window = 2 * threads;
        this.submittedUpTo = firstSeed - 1;
    }

    /** A prefetcher if more than one thread is asked for (by default: one per core). */
    static Optional<Prefetch> create(LongFunction<RunResult> run, long firstSeed, long lastSeed) {
        int threads = threads();
        return threads <= 1 ? Optional.empty() : Optional.of(new Prefetch(threads, run, firstSeed, lastSeed));
    }

    static int threads() {
        return (int) OverrideProperty.read(PARALLEL_PROPERTY, 1, Integer.MAX_VALUE, Runtime.getRuntime().availableProcessors(),
                "must be an integer of at least 1 (unset: one thread per core)");
    }

    /** The result of {@code seed}, waiting for it if needed; keeps the window ahead of it full. */
    synchronized RunResult result(long seed) {
        while (submittedUpTo < Math.min(lastSeed, seed + window - 1)) {
            long s = ++submittedUpTo;
            ahead.put(s, pool.submit(() -> run.apply(s)));
        }
        Future<RunResult> f = ahead.remove(seed);
        if (f == null) {
            return run.apply(seed);
        }
        return Threads.await(f, "seed " + seed);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
