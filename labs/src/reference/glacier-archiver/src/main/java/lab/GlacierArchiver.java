package lab;

import io.faultline.labs.glacier.Archiver;
import io.faultline.labs.glacier.ColdBucket;
import io.faultline.labs.glacier.ReadRequest;
import io.faultline.labs.glacier.StoredObject;
import io.faultline.models.common.CompletionWindow;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference solution of lab glacier-archiver. Fresh objects stay in STANDARD for their hot
 * month; at the first midnight after it, each goes straight to the cheapest class whose restores
 * can still meet its cold notice (never through GLACIER on the way to DEEP_ARCHIVE: leaving GLACIER
 * before 90 days is billed as if it had stayed). Each read is restored the moment it is announced,
 * at the slowest (cheapest) tier that completes within the notice, for enough days that the copy
 * outlives the deadline, every time: a copy from an earlier read has expired by then.
 */
public final class GlacierArchiver implements Archiver {
    private static final long HOT = 30 * Simulation.DAYS;
    private static final List<StorageClass> CHEAPEST_FIRST = List.of(StorageClass.DEEP_ARCHIVE, StorageClass.GLACIER);
    private static final List<RestoreTier> SLOWEST_FIRST = List.of(RestoreTier.BULK, RestoreTier.STANDARD, RestoreTier.EXPEDITED);

    private final ColdBucket bucket;
    private final TreeMap<String, StoredObject> objects = new TreeMap<>();

    public GlacierArchiver(ColdBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public void stored(StoredObject object) {
        objects.put(object.key(), object);
    }

    @Override
    public void midnight() {
        for (StoredObject o : objects.values()) {
            boolean hot = bucket.now() - o.writtenAt() < HOT;
            if (!hot && bucket.storageClass(o.key()).orElseThrow() == StorageClass.STANDARD) {
                StorageClass target = coldClass(o.coldNotice());
                if (target != StorageClass.STANDARD) {
                    bucket.transition(o.key(), target);
                }
            }
        }
    }

    @Override
    public void announced(ReadRequest read) {
        StorageClass c = bucket.storageClass(read.key()).orElseThrow();
        if (c == StorageClass.STANDARD) {
            return;
        }
        long notice = read.deadline() - bucket.now();
        RestoreTier tier = tier(c, notice).orElse(RestoreTier.EXPEDITED);
        // 202 starts a restore; 200 extends a copy that is still live (reads of one object are a week apart)
        bucket.restore(read.key(), tier, days(notice));
    }

    private static StorageClass coldClass(long notice) {
        for (StorageClass c : CHEAPEST_FIRST) {
            if (tier(c, notice).isPresent()) {
                return c;
            }
        }
        return StorageClass.STANDARD;
    }

    private static Optional<RestoreTier> tier(StorageClass c, long notice) {
        for (RestoreTier t : SLOWEST_FIRST) {
            Optional<CompletionWindow> w = t.window(c);
            if (w.isPresent() && w.get().maxNanos() <= notice) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Days whose expiry (rounded up to midnight) falls after a deadline {@code notice} away. */
    private static int days(long notice) {
        return (int) ((notice + Simulation.DAYS - 1) / Simulation.DAYS);
    }
}
