package io.faultline.checker;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The two thread chores that every parallel part of faultline needs (the checker's per-key pool,
 * the CLI's sweep pool, the JUnit extension's seed prefetch): daemon threads, so that work in
 * progress never keeps a JVM alive, and waiting for a {@link Future} without wrapping its failure.
 * It lives in the checker because the checker is the lowest module that all of them depend on.
 * Never used inside the simulator, which is single-threaded.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(4, Threads.daemon("sweep"));
 * RunResult r = Threads.await(pool.submit(() -> run(seed)), "seed " + seed);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Threads {
    private Threads() {
    }

    /** A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The future's result. A task that threw is rethrown as it was (runtime exceptions and errors),
     * so callers see the real failure rather than an {@link ExecutionException}; a checked one is
     * wrapped in an {@link IllegalStateException}. An interrupt is kept and reported as an
     * {@link IllegalStateException} saying what was being waited for.
     */
    public static <T> T await(Future<T> f, String waitingFor) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + waitingFor, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
