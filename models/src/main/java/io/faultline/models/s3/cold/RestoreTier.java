package io.faultline.models.s3.cold;

import io.faultline.models.common.CompletionWindow;
import io.faultline.sim.Simulation;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * RestoreObject's tiers and their completion windows per source class (FIDELITY A10.1): GLACIER
 * Expedited 1-5 min, Standard 3-5 h, Bulk 5-12 h; DEEP_ARCHIVE has no Expedited, Standard "within
 * 12 h" and Bulk "within 48 h". A completion time is drawn uniformly in the window (A10.2 [M9]);
 * for a "within X" window this model uses [X/2, X] ([M9]: the docs give only the bound).
 *
 * <pre>{@code
 * long delay = RestoreTier.BULK.window(StorageClass.DEEP_ARCHIVE).orElseThrow().draw(rng);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum RestoreTier {
    EXPEDITED, STANDARD, BULK;

    /** The window for objects of class {@code c}; empty if this tier is not offered for it. */
    public Optional<CompletionWindow> window(StorageClass c) {
        long m = Simulation.MINUTES;
        long h = Simulation.HOURS;
        if (c == StorageClass.GLACIER) {
            switch (this) {
                case EXPEDITED:
                    return Optional.of(new CompletionWindow(m, 5 * m));
                case STANDARD:
                    return Optional.of(new CompletionWindow(3 * h, 5 * h));
                default:
                    return Optional.of(new CompletionWindow(5 * h, 12 * h));
            }
        }
        if (c == StorageClass.DEEP_ARCHIVE) {
            switch (this) {
                case EXPEDITED:
                    return Optional.empty();
                case STANDARD:
                    return Optional.of(new CompletionWindow(6 * h, 12 * h));
                default:
                    return Optional.of(new CompletionWindow(24 * h, 48 * h));
            }
        }
        return Optional.empty();
    }

    /** The API's name, e.g. {@code Expedited}. */
    public String apiName() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
