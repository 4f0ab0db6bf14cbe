package io.faultline.labs.glacier;

import io.faultline.models.s3.cold.CostAccount;
import io.faultline.models.s3.cold.PriceTable;
import io.faultline.models.s3.cold.RestoreAnswer;
import io.faultline.models.s3.cold.RestoreState;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.Restores;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.sim.Simulation;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The bucket the archiver manages, on the simulation's clock: each object's storage class and
 * restore state, under S3's cold-path rules (the model's {@code io.faultline.models.s3.cold}), and
 * the bill they run up ({@link CostAccount} at {@link PriceTable#EXAMPLE_US_EAST_1}'s prices).
 *
 * <p>The lab offers three classes: STANDARD, GLACIER and DEEP_ARCHIVE. Transitions go down only
 * (FIDELITY A9.1); leaving GLACIER before 90 days or DEEP_ARCHIVE before 180 is billed as if the
 * object had stayed (FIDELITY A8). A GET of an archived object needs a completed restore, whose
 * temporary copy lives until its expiry (FIDELITY A10.2); restore tiers take the windows of
 * FIDELITY A10.1. Expedited capacity is provisioned: Expedited restores are never refused.
 *
 * <pre>{@code
 * if (bucket.storageClass(key) != StorageClass.STANDARD) {
 *     RestoreAnswer a = bucket.restore(key, RestoreTier.STANDARD, 2);   // 202 accepted
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ColdBucket {
    private record Entry(StorageClass storageClass, long size, RestoreState restore) {
    }

    private final Simulation sim;
    private final TreeMap<String, Entry> objects = new TreeMap<>();
    private final CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);

    ColdBucket(Simulation sim) {
        this.sim = sim;
    }

    /** Virtual time, nanoseconds since 2026-01-01 00:00 UTC. */
    public long now() {
        return sim.now();
    }

    /** Runs {@code action} at virtual time {@code at} (at once if that is past). */
    public void at(long at, Runnable action) {
        sim.at(Math.max(at, sim.now()), "archiver timer", action);
    }

    /** The object's class; empty if there is no such key. */
    public Optional<StorageClass> storageClass(String key) {
        return Optional.ofNullable(objects.get(key)).map(Entry::storageClass);
    }

    /** The object's restore state as of now; {@code NONE} if there is no such key. */
    public RestoreState restoreState(String key) {
        Entry e = objects.get(key);
        return e == null ? RestoreState.NONE : Restores.settle(e.restore(), sim.now());
    }

    /** True if a GET of {@code key} would succeed now. */
    public boolean readable(String key) {
        Entry e = objects.get(key);
        return e != null && Restores.canGet(e.storageClass(), e.restore(), sim.now());
    }

    /**
     * Moves the object down to {@code to} (GLACIER or DEEP_ARCHIVE), as a lifecycle transition
     * would; one billed transition request. False, and nothing billed, for an unknown key or a move
     * the waterfall does not allow (FIDELITY A9.1).
     */
    public boolean transition(String key, StorageClass to) {
        Entry e = objects.get(key);
        if (e == null || to.ordinal() <= e.storageClass().ordinal()
                || (to != StorageClass.GLACIER && to != StorageClass.DEEP_ARCHIVE)) {
            return false;
        }
        bill.transition(key, to, sim.now());
        objects.put(key, new Entry(to, e.size(), e.restore()));
        return true;
    }

    /**
     * RestoreObject for {@code days} days at {@code tier} (FIDELITY A10.2): 202 accepted (billed:
     * the request, the bytes, and the temporary copy at STANDARD's rate from completion to expiry),
     * 200 when already restored (the copy's expiry moves), 409 while a restore of the same or a
     * faster tier runs, 403 for an object that is not archived, 400 for a tier the class does not
     * offer (no Expedited from DEEP_ARCHIVE) or days below 1, 404 for an unknown key.
     */
    public RestoreAnswer restore(String key, RestoreTier tier, int days) {
        Entry e = objects.get(key);
        if (e == null) {
            return new RestoreAnswer(404, Optional.of("NoSuchKey"), RestoreState.NONE);
        }
        RestoreAnswer a = Restores.request(e.storageClass(), e.restore(), sim.now(), days, tier, true, sim.rng());
        if (a.status() == 202 && a.state() instanceof RestoreState.Ongoing o) {
            bill.restore(e.storageClass(), tier, e.size());
            bill.restoredCopy(key, e.size(), o.completeNanos(), o.expiryNanos());
        } else if (a.status() == 200 && a.state() instanceof RestoreState.Restored r) {
            bill.restoredCopy(key, e.size(), sim.now(), r.expiryNanos());
        }
        objects.put(key, new Entry(e.storageClass(), e.size(), a.state()));
        return a;
    }

    /** The owner's write of a new object, in STANDARD: one billed PUT. */
    void put(StoredObject o) {
        bill.enter(o.key(), StorageClass.STANDARD, o.sizeBytes(), sim.now());
        bill.write(StorageClass.STANDARD);
        objects.put(o.key(), new Entry(StorageClass.STANDARD, o.sizeBytes(), RestoreState.NONE));
    }

    /** The bill, closed at {@code end}. */
    CostAccount billAt(long end) {
        bill.closeAt(end);
        return bill;
    }
}
