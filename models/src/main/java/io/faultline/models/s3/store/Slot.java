package io.faultline.models.s3.store;

import java.util.Objects;

/**
 * What one version ID of a key holds, with the stamp of the write that put it there: an object
 * version, a delete marker (FIDELITY A6.2), or nothing any more (the version was permanently
 * deleted, or, for the null version of an unversioned bucket, the object was deleted). Slots are
 * merged by last-writer-wins on the stamp, which makes replicas converge whatever the order in
 * which they receive writes (FIDELITY A1.2 rule 5).
 */
public sealed interface Slot {
    Stamp stamp();

    /** An object version. */
    record Version(Stamp stamp, StoredObject object) implements Slot {
        public Version {
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(object, "object");
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

    default boolean isLive() {
        return !(this instanceof Erased);
    }
}
