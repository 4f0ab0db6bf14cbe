package io.faultline.models.s3.store;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one version ID of a key holds, with the stamp of the write that put it there: an object
 * version, a delete marker (FIDELITY A6.2), or nothing any more (the version was permanently
 * deleted, or, for the null version of an unversioned bucket, the object was deleted). Slots are
 * merged by last-writer-wins on the stamp, which makes replicas converge whatever the order in
 * which they receive writes (FIDELITY A1.2 rule 5).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Slot {
    Stamp stamp();

    /**
     * An object version. {@code stamp} is the write that created it (it orders versions, so it
     * decides which one is current); {@code revised} is the last write that changed its cold-path
     * state in place (a lifecycle transition, a restore: FIDELITY A9, A10), which must not make a
     * noncurrent version current again. Of two slots with the same {@code stamp}, the later
     * {@code revised} wins.
     */
    record Version(Stamp stamp, StoredObject object, Stamp revised) implements Slot {
        public Version {
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(revised, "revised");
        }

        /** A version as first written. */
        public Version(Stamp stamp, StoredObject object) {
            this(stamp, object, stamp);
        }

        /** This version with its cold-path state changed to {@code o}'s by the write {@code at}. */
        public Version revise(StoredObject o, Stamp at) {
            return new Version(stamp, o, at);
        }
    }

    /** A delete marker: a key and a version ID, no data (FIDELITY A6.2). */
    record DeleteMarker(Stamp stamp, long lastModified) implements Slot {
        public DeleteMarker {
            Objects.requireNonNull(stamp, "stamp");
        }
    }

    /** Removed: a tombstone, so that a late replica of the removed version does not resurrect it. */
    record Erased(Stamp stamp) implements Slot {
        public Erased {
            Objects.requireNonNull(stamp, "stamp");
        }
    }

    /** The newest write this slot carries: its stamp, or a later in-place revision. */
    default Stamp latest() {
        return this instanceof Version v ? Stamp.max(v.stamp(), v.revised()) : stamp();
    }

    default boolean isLive() {
        return !(this instanceof Erased);
    }
}
