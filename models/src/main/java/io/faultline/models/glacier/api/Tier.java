package io.faultline.models.glacier.api;

import io.faultline.models.common.CompletionWindow;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import org.apiguardian.api.API;

/**
 * Retrieval tiers of the vault API with their documented completion windows (FIDELITY B2.1:
 * Expedited 1-5 min, Standard 3-5 h, Bulk 5-12 h). Deep Archive's 12 h / 48 h belong to the S3
 * storage class, not to vaults (B2.1). A job's completion time is drawn uniformly in the window
 * from the service's seeded stream (FIDELITY B2.1 [M9]).
 *
 * <pre>{@code
 * long done = now + Tier.STANDARD.drawCompletion(ctx.rng());   // between 3 h and 5 h from now
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Tier {
    EXPEDITED("Expedited", new CompletionWindow(Simulation.MINUTES, 5 * Simulation.MINUTES)),
    STANDARD("Standard", new CompletionWindow(3 * Simulation.HOURS, 5 * Simulation.HOURS)),
    BULK("Bulk", new CompletionWindow(5 * Simulation.HOURS, 12 * Simulation.HOURS));

    private final String apiName;
    private final CompletionWindow window;

    Tier(String apiName, CompletionWindow window) {
        this.apiName = apiName;
        this.window = window;
    }

    /** The {@code Tier} value of InitiateJob, e.g. {@code Expedited}. */
    public String apiName() {
        return apiName;
    }

    /** The documented completion window. */
    public CompletionWindow window() {
        return window;
    }

    /** A completion delay uniform in the window. */
    public long drawCompletion(Rng rng) {
        return window.draw(rng);
    }
}
