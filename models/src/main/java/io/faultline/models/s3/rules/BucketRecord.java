package io.faultline.models.s3.rules;

import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.store.Stamp;
import io.faultline.models.s3.store.VersioningState;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A bucket's existence and configuration as the index holds it, merged by last-writer-wins on
 * the stamp. Bucket configuration is eventually consistent in S3 (FIDELITY A1.3): a change
 * (creation, deletion, versioning, lifecycle) takes effect for object requests, ListBuckets, the
 * lifecycle configuration's GET and the daily lifecycle run only at {@code effectiveAt}, a time
 * drawn when the change was made ([M2] uniform 0 to 60 s by default,
 * {@link S3Config#bucketConfigDelayNanos}); until then they still see the bucket as it was
 * ({@code existedBefore}, {@code before}, {@code lifecycleBefore}). This is the one mechanism for
 * every bucket change: "after a bucket is deleted, an immediate ListBuckets may still show it", a
 * PUT right after enabling versioning may still be unversioned, and a lifecycle rule put just before
 * 00:00 UTC may miss that night's run (A1.3 lists lifecycle among the lagging settings). A change
 * made while an earlier one is still pending starts from what was in effect at its own time, so
 * the earlier one then lands with it.
 *
 * <pre>{@code
 * BucketRecord r = new BucketRecord("b", true, VersioningState.ENABLED, stamp, VersioningState.UNVERSIONED, t);
 * r.asSeenAt(t - 1).versioning(); // UNVERSIONED: the change has not propagated yet
 * }</pre>
 *
 * @param name          the bucket
 * @param exists        false once deleted
 * @param versioning    its versioning state as last set (FIDELITY A6.1)
 * @param stamp         the write that set this record
 * @param existedBefore whether object requests see the bucket until {@code effectiveAt}
 * @param before        the versioning state object requests see until {@code effectiveAt}
 * @param effectiveAt   virtual time from which object requests see {@code exists} and {@code versioning}
 * @param lifecycle     the lifecycle configuration's rules as last set (FIDELITY A9); empty for none
 * @param lifecycleBefore the rules in effect until {@code effectiveAt}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BucketRecord(String name, boolean exists, VersioningState versioning, Stamp stamp,
                           boolean existedBefore, VersioningState before, long effectiveAt,
                           List<LifecycleRule> lifecycle, List<LifecycleRule> lifecycleBefore) {
    public BucketRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versioning, "versioning");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(before, "before");
        lifecycle = List.copyOf(lifecycle);
        lifecycleBefore = List.copyOf(lifecycleBefore);
    }

    /** A record whose configuration is in effect at once. */
    public BucketRecord(String name, boolean exists, VersioningState versioning, Stamp stamp) {
        this(name, exists, versioning, stamp, exists, versioning, 0, List.of(), List.of());
    }

    /** A versioning change of an existing bucket that takes effect at {@code effectiveAt}. */
    public BucketRecord(String name, boolean exists, VersioningState versioning, Stamp stamp,
                        VersioningState before, long effectiveAt) {
        this(name, exists, versioning, stamp, exists, before, effectiveAt, List.of(), List.of());
    }

    /**
     * This record with lifecycle rules {@code rules} (empty: none) as set at {@code now} by
     * {@code stamp}, taking effect at {@code effectiveAt} like every bucket change (FIDELITY A1.3).
     */
    public BucketRecord withLifecycle(List<LifecycleRule> rules, Stamp stamp, long now, long effectiveAt) {
        return new BucketRecord(name, exists, versioning, stamp, existsAt(now), versioningAt(now), effectiveAt, rules,
                lifecycleAt(now));
    }

    /**
     * The record that replaces {@code previous} (if any) with the given state, taking effect for
     * object requests at {@code effectiveAt}: until then they see {@code previous} as it looked at
     * {@code now}. The lifecycle rules as last set are kept (none once deleted).
     */
    public static BucketRecord change(java.util.Optional<BucketRecord> previous, String name, boolean exists,
                                      VersioningState versioning, Stamp stamp, long now, long effectiveAt) {
        boolean existed = previous.map(p -> p.existsAt(now)).orElse(false);
        VersioningState was = previous.map(p -> p.versioningAt(now)).orElse(VersioningState.UNVERSIONED);
        List<LifecycleRule> rules = exists ? previous.map(BucketRecord::lifecycle).orElse(List.of()) : List.of();
        List<LifecycleRule> rulesBefore = previous.map(p -> p.lifecycleAt(now)).orElse(List.of());
        return new BucketRecord(name, exists, versioning, stamp, existed, was, effectiveAt, rules, rulesBefore);
    }

    /** The lifecycle rules in effect at {@code now} (FIDELITY A1.3: propagation delay). */
    public List<LifecycleRule> lifecycleAt(long now) {
        return now >= effectiveAt ? lifecycle : lifecycleBefore;
    }

    /** The versioning state object requests see at {@code now} (FIDELITY A1.3: propagation delay). */
    public VersioningState versioningAt(long now) {
        return now >= effectiveAt ? versioning : before;
    }

    /** Whether object requests and ListBuckets see the bucket at {@code now} (FIDELITY A1.3). */
    public boolean existsAt(long now) {
        return now >= effectiveAt ? exists : existedBefore;
    }

    /** This record as object requests see it at {@code now}: existence, versioning and lifecycle in effect then. */
    public BucketRecord asSeenAt(long now) {
        return new BucketRecord(name, existsAt(now), versioningAt(now), stamp, existsAt(now), versioningAt(now), 0,
                lifecycleAt(now), lifecycleAt(now));
    }

    /** The newer of two records of the same bucket. */
    public BucketRecord join(BucketRecord other) {
        return other.stamp.after(stamp) ? other : this;
    }
}
