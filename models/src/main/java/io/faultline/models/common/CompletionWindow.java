package io.faultline.models.common;

import io.faultline.sim.Rng;
import org.apiguardian.api.API;

/**
 * A documented completion window in virtual nanoseconds, e.g. a retrieval tier's 3-5 hours; a
 * completion time is drawn uniformly in it from a seeded stream (FIDELITY B2.1 [M9]).
 *
 * <pre>{@code
 * long delay = new CompletionWindow(3 * Simulation.HOURS, 5 * Simulation.HOURS).draw(ctx.rng());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CompletionWindow(long minNanos, long maxNanos) {
    /** A delay uniform in [min, max]. */
    public long draw(Rng rng) {
        return rng.uniform(minNanos, maxNanos);
    }
}
