package io.faultline.sim;

import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Hard limits of a run, so that nothing runs forever or fills the heap: reaching one stops the run
 * with a status whose {@link RunStatus#isBound()} is true (its checks are UNKNOWN).
 *
 * <p>Scenarios build their own simulations with {@code new Simulation(seed)}; a caller that wants
 * other bounds for them (the command line's {@code --time-limit}) sets them for the scenario's
 * duration with {@link #during}, and every simulation created on that thread meanwhile takes them.
 *
 * @param maxEvents  events a simulation may process in total
 * @param maxNanos   virtual time no event may be scheduled after
 * @param maxPending events that may wait in the queue at once; scheduling one more throws
 *                   {@link BoundExceededException} (a run whose setup schedules a sample every
 *                   second for 100,000 days would otherwise exhaust the heap)
 * @param budget     asked every {@link #BUDGET_EVERY} events; stops the run with
 *                   {@link RunStatus#BUDGET_SPENT}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Bounds(long maxEvents, long maxNanos, int maxPending, Budget budget) {
    /** 16 million pending events: about 1.5 GB of queue at the largest, far beyond any catalog run. */
    public static final int DEFAULT_MAX_PENDING = 16 * 1024 * 1024;

    /** Events between two questions to the budget: rare enough to cost nothing, often enough to stop within milliseconds. */
    public static final int BUDGET_EVERY = 4096;

    /** 200 million events, 1000 days of virtual time, 16 million pending events, no budget. */
    public static final Bounds DEFAULT = new Bounds(200_000_000L, 1000 * Simulation.DAYS);

    // Why a thread-local: the bounds must reach simulations that scenarios create themselves, without
    // every scenario passing them on. It holds limits only; nothing in it reaches the trace.
    private static final ThreadLocal<Bounds> CURRENT = ThreadLocal.withInitial(() -> DEFAULT);

    public Bounds {
        if (maxEvents <= 0 || maxNanos <= 0 || maxPending <= 0) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        Objects.requireNonNull(budget, "budget");
    }

    /** Event and time bounds with the default pending bound and no budget. */
    public Bounds(long maxEvents, long maxNanos) {
        this(maxEvents, maxNanos, DEFAULT_MAX_PENDING, Budget.NONE);
    }

    public Bounds withMaxPending(int n) {
        return new Bounds(maxEvents, maxNanos, n, budget);
    }

    public Bounds withBudget(Budget b) {
        return new Bounds(maxEvents, maxNanos, maxPending, b);
    }

    /** The bounds {@code new Simulation(seed)} takes on this thread: {@link #DEFAULT} outside {@link #during}. */
    public static Bounds current() {
        return CURRENT.get();
    }

    /** Runs {@code body} with {@code bounds} as this thread's {@link #current()} bounds. */
    public static <T> T during(Bounds bounds, Supplier<T> body) {
        Bounds before = CURRENT.get();
        CURRENT.set(Objects.requireNonNull(bounds, "bounds"));
        try {
            return body.get();
        } finally {
            CURRENT.set(before);
        }
    }
}
