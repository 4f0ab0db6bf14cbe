package io.faultline.sim;

import org.apiguardian.api.API;

/** Why {@link Simulation#run} or {@link Simulation#runUntil} returned. */
@API(status = API.Status.STABLE, since = "0.1")
public enum RunStatus {
    /** {@code run(until)} reached its time. */
    REACHED_TIME,
    /** {@code runUntil}'s condition became true. */
    CONDITION_MET,
    /** {@code runUntil}'s limit passed without the condition becoming true. */
    LIMIT_REACHED,
    /** The event-count bound was hit: the run is incomplete (UNKNOWN). */
    EVENT_BOUND,
    /** The virtual-time bound was hit: the run is incomplete (UNKNOWN). */
    TIME_BOUND,
    /** The pending-events bound was hit: the run is incomplete (UNKNOWN). */
    PENDING_BOUND,
    /** The {@link Budget} (e.g. a wall-clock limit) stopped the run: incomplete (UNKNOWN). */
    BUDGET_SPENT,
    /** An {@link Invariant} failed; see {@link Simulation#violation()}. */
    INVARIANT_VIOLATED;

    /** True if a hard bound stopped the run, so nothing can be concluded from it. */
    public boolean isBound() {
        return this == EVENT_BOUND || this == TIME_BOUND || this == PENDING_BOUND || this == BUDGET_SPENT;
    }
}
