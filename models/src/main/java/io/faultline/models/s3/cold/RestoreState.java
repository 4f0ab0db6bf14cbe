package io.faultline.models.s3.cold;

import org.apiguardian.api.API;

/**
 * Where an archived object's restore stands (FIDELITY A10.2): none, one in progress, or a
 * temporary copy readable until its expiry (a UTC midnight).
 *
 * <pre>{@code
 * RestoreState s = Restores.settle(state, now);
 * if (s instanceof RestoreState.Restored r) { ... r.expiryNanos() ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface RestoreState {
    /** Never restored, or the temporary copy expired. */
    record None() implements RestoreState {
    }

    /** Running: completes at {@code completeNanos}; the copy then lives until {@code expiryNanos}. */
    record Ongoing(RestoreTier tier, long requestedNanos, long completeNanos, long expiryNanos) implements RestoreState {
    }

    /** The temporary copy is readable until {@code expiryNanos}. */
    record Restored(long expiryNanos) implements RestoreState {
    }

    RestoreState NONE = new None();
}
