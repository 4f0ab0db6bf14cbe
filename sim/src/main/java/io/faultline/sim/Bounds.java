package io.faultline.sim;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Hard limits of a run, so that nothing runs forever or fills the heap: reaching one stops the run
 * with a status whose {@link RunStatus#isBound()} is true (its checks are UNKNOWN).
 *
 * <p>A scenario's simulation takes the bounds of its {@link io.faultline.sim.scenario.RunSpec}
 * ({@code spec.withBounds(...)}, e.g. the command line's {@code --time-limit} as a {@link Budget});
 * {@code new Simulation(seed)} takes {@link #DEFAULT}.
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
}
