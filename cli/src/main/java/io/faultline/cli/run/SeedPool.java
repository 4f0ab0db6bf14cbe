package io.faultline.cli.run;

import io.faultline.checker.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs tasks 0..n-1 on a fixed number of threads and hands their results to a consumer in task
 * order, whatever order they finish in. Threads live here, in the command line, never in the
 * simulation: each task is one whole single-threaded run.
 */
final class SeedPool {
    private SeedPool() {
    }

    /** Receives results in index order, on the calling thread. */
    interface InOrder<T> {
        void accept(int index, T result);
    }

    /**
     * @param onDone called on a worker thread as each task finishes (e.g. a progress bar's step)
     * @throws RuntimeException the first failure in index order (later tasks are cancelled)
     */
    static <T> void run(int threads, int n, IntFunction<T> task, Runnable onDone, InOrder<T> inOrder) {
        if (threads == 1) {
            for (int i = 0; i < n; i++) {
                T result = task.apply(i);
                onDone.run();
                inOrder.accept(i, result);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, Threads.daemon("sweep"));
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                final int index = i;
                futures.add(pool.submit(() -> {
                    try {
                        return task.apply(index);
                    } finally {
                        onDone.run();
                    }
                }));
            }
            for (int i = 0; i < n; i++) {
                T result = Threads.await(futures.get(i), "the sweep");
                futures.set(i, null); // let the result go once consumed
                inOrder.accept(i, result);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
