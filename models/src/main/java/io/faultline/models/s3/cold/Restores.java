package io.faultline.models.s3.cold;

import io.faultline.models.common.CompletionWindow;
import io.faultline.sim.Rng;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * RestoreObject's rules (FIDELITY A10.2) as pure functions of the object's class, its restore
 * state and the time: one restore at a time per object (409 while one runs, unless the new request
 * is a faster tier, which speeds it up), 200 with an updated expiry once restored, a temporary copy
 * that lives until request time + Days rounded up to the next 00:00 UTC, GET refused with 403
 * InvalidObjectState until the copy exists, and the {@code x-amz-restore} header.
 *
 * <pre>{@code
 * RestoreAnswer a = Restores.request(StorageClass.GLACIER, RestoreState.NONE, now, 3, RestoreTier.BULK, true, rng);
 * // 202; later:
 * Restores.canGet(StorageClass.GLACIER, a.state(), now + 13 * Simulation.HOURS);   // true
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Restores {
    private Restores() {
    }

    /** The state as of {@code now}: a finished restore becomes Restored, an expired copy None. */
    public static RestoreState settle(RestoreState s, long now) {
        if (s instanceof RestoreState.Ongoing o && now >= o.completeNanos()) {
            s = new RestoreState.Restored(o.expiryNanos());
        }
        if (s instanceof RestoreState.Restored r && now >= r.expiryNanos()) {
            return RestoreState.NONE;
        }
        return s;
    }

    /**
     * A RestoreObject request for {@code days} days at {@code tier}.
     *
     * @param expeditedCapacity false when Expedited capacity is short (answer 503)
     */
    public static RestoreAnswer request(StorageClass c, RestoreState state, long now, int days, RestoreTier tier,
            boolean expeditedCapacity, Rng rng) {
        if (!c.requiresRestore()) {
            return error(403, "InvalidObjectState", state);
        }
        if (days < 1) {
            return error(400, "InvalidArgument", state);
        }
        Optional<CompletionWindow> window = tier.window(c);
        if (window.isEmpty()) {
            // [U] the code for Expedited on DEEP_ARCHIVE is not in the retrieved docs
            return error(400, "InvalidArgument", state);
        }
        RestoreState s = settle(state, now);
        long expiry = UtcTime.dueAfterDays(now, days);
        if (s instanceof RestoreState.Ongoing o) {
            if (tier.ordinal() < o.tier().ordinal()) {
                long faster = Math.min(o.completeNanos(), now + window.get().draw(rng));
                return new RestoreAnswer(202, Optional.empty(),
                        new RestoreState.Ongoing(tier, o.requestedNanos(), faster, o.expiryNanos()));
            }
            return error(409, "RestoreAlreadyInProgress", s);
        }
        if (s instanceof RestoreState.Restored) {
            return new RestoreAnswer(200, Optional.empty(), new RestoreState.Restored(expiry));
        }
        if (tier == RestoreTier.EXPEDITED && !expeditedCapacity) {
            return error(503, "GlacierExpeditedRetrievalNotAvailable", s);
        }
        return new RestoreAnswer(202, Optional.empty(),
                new RestoreState.Ongoing(tier, now, now + window.get().draw(rng), expiry));
    }

    /** True if a GET may read the object: not archived, or its temporary copy exists (A10.2). */
    public static boolean canGet(StorageClass c, RestoreState state, long now) {
        return !c.requiresRestore() || settle(state, now) instanceof RestoreState.Restored;
    }

    /** The {@code x-amz-restore} header HEAD and GET carry, if any (A10.2). */
    public static Optional<String> header(RestoreState state, long now) {
        RestoreState s = settle(state, now);
        if (s instanceof RestoreState.Ongoing) {
            return Optional.of("ongoing-request=\"true\"");
        }
        if (s instanceof RestoreState.Restored r) {
            return Optional.of("ongoing-request=\"false\", expiry-date=\"" + UtcTime.httpDate(r.expiryNanos()) + "\"");
        }
        return Optional.empty();
    }

    private static RestoreAnswer error(int status, String code, RestoreState s) {
        return new RestoreAnswer(status, Optional.of(code), s);
    }
}
