package io.faultline.models.s3;

import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.store.Stamp;
import io.faultline.models.s3.store.VersioningState;
import java.util.List;
import java.util.Objects;

/**
 * A bucket's existence and configuration as the index holds it, merged by last-writer-wins on
 * the stamp. Bucket configuration is eventually consistent in S3 (FIDELITY A1.3): a versioning
 * change takes effect for object requests only at {@code effectiveAt}, a time drawn when the change
 * was made ([M] uniform 0 to 60 s by default, {@link S3Config#bucketConfigDelayNanos}); until then
 * object requests still see {@code before}.
 *
 * <pre>{@code
 * BucketRecord r = new BucketRecord("b", true, VersioningState.ENABLED, stamp, VersioningState.UNVERSIONED, t);
 * r.asSeenAt(t - 1).versioning(); // UNVERSIONED: the change has not propagated yet
 * }</pre>
 *
 * @param name        the bucket
 * @param exists      false once deleted
 * @param versioning  its versioning state as last set (FIDELITY A6.1)
 * @param stamp       the write that set this record
 * @param before      the versioning state object requests see until {@code effectiveAt}
 * @param effectiveAt virtual time from which object requests see {@code versioning}
 * @param lifecycle   the lifecycle configuration's rules (FIDELITY A9); empty for none
 */
public record BucketRecord(String name, boolean exists, VersioningState versioning, Stamp stamp,
                           VersioningState before, long effectiveAt, List<LifecycleRule> lifecycle) {
    public BucketRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versioning, "versioning");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(before, "before");
        lifecycle = List.copyOf(lifecycle);
    }

    /** A record without a lifecycle configuration. */
    public BucketRecord(String name, boolean exists, VersioningState versioning, Stamp stamp,
                        VersioningState before, long effectiveAt) {
        this(name, exists, versioning, stamp, before, effectiveAt, List.of());
    }

    /** This record with lifecycle rules {@code rules} (empty: none), written by {@code at}. */
    public BucketRecord withLifecycle(List<LifecycleRule> rules, Stamp at) {
        return new BucketRecord(name, exists, versioning, at, before, effectiveAt, rules);
    }

    /** A record whose configuration is in effect at once. */
    public BucketRecord(String name, boolean exists, VersioningState versioning, Stamp stamp) {
        this(name, exists, versioning, stamp, versioning, 0);
    }

    /** The versioning state object requests see at {@code now} (FIDELITY A1.3: propagation delay). */
    public VersioningState versioningAt(long now) {
        return now >= effectiveAt ? versioning : before;
    }

    /** This record as object requests see it at {@code now}: the versioning in effect then. */
    public BucketRecord asSeenAt(long now) {
        return new BucketRecord(name, exists, versioningAt(now), stamp, versioningAt(now), 0, lifecycle);
    }

    /** The newer of two records of the same bucket. */
    public BucketRecord join(BucketRecord other) {
        return other.stamp.after(stamp) ? other : this;
    }
}
