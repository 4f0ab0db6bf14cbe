package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * Hard limits of a run, so that nothing runs forever: reaching one stops the run with an
 * {@link RunStatus#EVENT_BOUND} or {@link RunStatus#TIME_BOUND} status (its checks are UNKNOWN).
 *
 * @param maxEvents events a simulation may process in total
 * @param maxNanos  virtual time no event may be scheduled after
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Bounds(long maxEvents, long maxNanos) {
    /** 200 million events, 1000 days of virtual time. */
    public static final Bounds DEFAULT = new Bounds(200_000_000L, 1000 * Simulation.DAYS);

    public Bounds {
        if (maxEvents <= 0 || maxNanos <= 0) {
            throw new IllegalArgumentException("bounds must be positive");
        }
    }
}
