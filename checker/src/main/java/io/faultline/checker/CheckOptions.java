package io.faultline.checker;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How to check: the algorithm, a time limit and a memory budget (reaching either gives
 * {@link Outcome#UNKNOWN} with the reason), whether to split keyed models per key, and how many
 * threads check keys in parallel.
 *
 * <pre>{@code
 * CheckOptions o = CheckOptions.defaults().withAlgorithm(Algorithm.WGL).withTimeLimit(Duration.ofSeconds(10));
 * }</pre>
 *
 * @param algorithm    which search
 * @param timeLimit    wall-clock limit for the whole check
 * @param memoryBudget estimated bytes the searches may store (caches, configurations)
 * @param partition    split P-compositional models per key (Model.partition); off checks whole
 * @param threads      keys checked in parallel (at least 1)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CheckOptions(Algorithm algorithm, Duration timeLimit, long memoryBudget, boolean partition,
                           int threads) {

    public CheckOptions {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
        if (memoryBudget <= 0) {
            throw new IllegalArgumentException("memoryBudget must be positive, got " + memoryBudget);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Competition, 60 s, a quarter of the maximum heap, split per key, 2 threads. */
    public static CheckOptions defaults() {
        return new CheckOptions(Algorithm.COMPETITION, Duration.ofSeconds(60),
                Runtime.getRuntime().maxMemory() / 4, true, 2);
    }

    public CheckOptions withAlgorithm(Algorithm a) {
        return new CheckOptions(a, timeLimit, memoryBudget, partition, threads);
    }

    public CheckOptions withTimeLimit(Duration d) {
        return new CheckOptions(algorithm, d, memoryBudget, partition, threads);
    }

    public CheckOptions withMemoryBudget(long bytes) {
        return new CheckOptions(algorithm, timeLimit, bytes, partition, threads);
    }

    public CheckOptions withPartition(boolean split) {
        return new CheckOptions(algorithm, timeLimit, memoryBudget, split, threads);
    }

    public CheckOptions withThreads(int n) {
        return new CheckOptions(algorithm, timeLimit, memoryBudget, partition, n);
    }
}
