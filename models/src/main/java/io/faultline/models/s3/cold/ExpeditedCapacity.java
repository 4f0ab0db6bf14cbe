package io.faultline.models.s3.cold;

import io.faultline.sim.Simulation;
import java.util.ArrayDeque;
import org.apiguardian.api.API;

/**
 * Who gets an Expedited retrieval (FIDELITY B2.1, A10.2). With provisioned capacity units, each
 * unit admits 3 Expedited retrievals per 5 minutes and all Expedited requests use them. Without
 * units, requests share an on-demand pool that "might not accept" them in periods of high demand;
 * this model makes that pool a number of Expedited retrievals per rolling 5 minutes (a scenario
 * setting, [M10]). A refused request gets InsufficientCapacityException from the vault API and
 * 503 GlacierExpeditedRetrievalNotAvailable from S3's RestoreObject. Shared by the Glacier vault
 * model and S3's RestoreObject, which draw on the same kind of pool.
 *
 * <pre>{@code
 * ExpeditedCapacity pool = new ExpeditedCapacity(4);   // 4 per rolling 5 minutes
 * boolean ok = pool.tryAcquire(now);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ExpeditedCapacity {
    public static final long WINDOW = 5 * Simulation.MINUTES;
    public static final int PER_UNIT = 3;
    /** PurchaseProvisionedCapacity's per-account limit: 2 units ([U], from memory of the API reference). */
    public static final int MAX_UNITS = 2;

    private final int onDemandPerWindow;
    private final ArrayDeque<Long> accepted = new ArrayDeque<>();
    private int units;

    public ExpeditedCapacity(int onDemandPerWindow) {
        this.onDemandPerWindow = onDemandPerWindow;
    }

    public int units() {
        return units;
    }

    public boolean addUnit() {
        if (units >= MAX_UNITS) {
            return false;
        }
        units++;
        return true;
    }

    public boolean tryAcquire(long now) {
        while (!accepted.isEmpty() && accepted.peekFirst() <= now - WINDOW) {
            accepted.pollFirst();
        }
        int limit = units > 0 ? units * PER_UNIT : onDemandPerWindow;
        if (accepted.size() >= limit) {
            return false;
        }
        accepted.addLast(now);
        return true;
    }
}
