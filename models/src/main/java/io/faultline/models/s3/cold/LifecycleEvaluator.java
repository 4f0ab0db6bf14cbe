package io.faultline.models.s3.cold;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Which lifecycle action is due for one object version at a given time (FIDELITY A9.2 to A9.4):
 * days count from creation (from becoming noncurrent for noncurrent rules) and fall due at the next
 * 00:00 UTC; among due actions, permanent deletion beats a transition, a transition beats creating a
 * delete marker, and the deepest class wins (GLACIER over STANDARD_IA). Objects under 128 KB are
 * not transitioned, per the {@code all_storage_classes_128K} default (A9.2 "Object-size floor");
 * {@code varies_by_storage_class} lets them go to GLACIER and DEEP_ARCHIVE, and a rule with an
 * object-size filter overrides the floor (A9.2: custom {@code ObjectSizeGreaterThan} /
 * {@code ObjectSizeLessThan} filters override the default). A noncurrent action with
 * {@code NewerNoncurrentVersions = n} spares a version while fewer than n noncurrent versions are
 * newer than it (A9.3: S3 "will retain" that many).
 *
 * <pre>{@code
 * LifecycleEvaluator lc = new LifecycleEvaluator(rules, false, LifecycleEvaluator.SizeFloor.ALL_STORAGE_CLASSES_128K);
 * Optional<LifecycleAction> a = lc.due(object, now);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LifecycleEvaluator {
    /** {@code TransitionDefaultMinimumObjectSize} (A9.2). */
    public enum SizeFloor { ALL_STORAGE_CLASSES_128K, VARIES_BY_STORAGE_CLASS }

    /** The size under which the floor applies. */
    public static final long FLOOR_BYTES = 128 * 1024;

    private final List<LifecycleRule> rules;
    private final boolean versioned;
    private final SizeFloor floor;

    public LifecycleEvaluator(List<LifecycleRule> rules, boolean versioned, SizeFloor floor) {
        this.rules = List.copyOf(rules);
        this.versioned = versioned;
        this.floor = floor;
    }

    /** The action due for {@code o} at {@code now}, if any. */
    public Optional<LifecycleAction> due(LifecycleObject o, long now) {
        Optional<LifecycleAction> deletion = Optional.empty();
        Optional<LifecycleAction.Transition> transition = Optional.empty();
        Optional<LifecycleAction> marker = Optional.empty();
        for (LifecycleRule r : rules) {
            if (!r.matches(o.key(), o.size())) {
                continue;
            }
            long base = o.noncurrentSince().orElse(o.createdNanos());
            List<LifecycleRule.Transition> ts = o.noncurrentSince().isPresent() ? r.noncurrentTransitions() : r.transitions();
            for (LifecycleRule.Transition t : ts) {
                long due = UtcTime.dueAfterDays(base, t.days());
                if (due <= now && Transitions.allowed(o.storageClass(), t.target())
                        && (r.hasSizeFilter() || bigEnough(o.size(), t.target())) && beyondKept(o, t.newerNoncurrentVersions())
                        && (transition.isEmpty() || deeper(t.target(), transition.get().target()))) {
                    transition = Optional.of(new LifecycleAction.Transition(r.id(), t.target(), due));
                }
            }
            if (o.noncurrentSince().isPresent()) {
                if (r.noncurrentExpirationDays().isPresent()) {
                    long due = UtcTime.dueAfterDays(base, r.noncurrentExpirationDays().get());
                    if (due <= now && deletion.isEmpty() && beyondKept(o, r.noncurrentExpirationNewer())) {
                        deletion = Optional.of(new LifecycleAction.ExpireNoncurrent(r.id(), due));
                    }
                }
            } else if (r.expirationDays().isPresent()) {
                long due = UtcTime.dueAfterDays(base, r.expirationDays().get());
                if (due <= now) {
                    LifecycleAction e = new LifecycleAction.Expire(r.id(), !versioned, due);
                    if (!versioned && deletion.isEmpty()) {
                        deletion = Optional.of(e);
                    } else if (versioned && marker.isEmpty()) {
                        marker = Optional.of(e);
                    }
                }
            }
        }
        if (deletion.isPresent()) {
            return deletion;
        }
        if (transition.isPresent()) {
            return Optional.of(transition.get());
        }
        return marker;
    }

    /** A9.1 order: a later column of the waterfall is deeper; GLACIER beats the IA classes (A9.2). */
    private static boolean deeper(StorageClass a, StorageClass b) {
        return a.ordinal() > b.ordinal();
    }

    /** True unless {@code o} is among the {@code newer} newest noncurrent versions that a rule keeps (A9.3). */
    private static boolean beyondKept(LifecycleObject o, Optional<Integer> newer) {
        return o.noncurrentSince().isEmpty() || newer.map(n -> o.newerNoncurrent() >= n).orElse(true);
    }

    private boolean bigEnough(long size, StorageClass target) {
        if (size >= FLOOR_BYTES) {
            return true;
        }
        return floor == SizeFloor.VARIES_BY_STORAGE_CLASS
                && (target == StorageClass.GLACIER || target == StorageClass.DEEP_ARCHIVE);
    }

    /**
     * The rule that removes {@code key}'s delete marker once it is the key's only version
     * ({@code ExpiredObjectDeleteMarker}, A9.3), if any: due at once, at the run that finds it alone.
     */
    public Optional<LifecycleAction> expiredMarker(String key, long now) {
        for (LifecycleRule r : rules) {
            if (r.matches(key) && r.expiredObjectDeleteMarker()) {
                return Optional.of(new LifecycleAction.RemoveExpiredDeleteMarker(r.id(), now));
            }
        }
        return Optional.empty();
    }

    /** When an incomplete multipart upload initiated at {@code initiated} is aborted, by the first matching rule. */
    public Optional<Long> abortDue(String key, long initiated) {
        for (LifecycleRule r : rules) {
            if (r.matches(key) && r.abortIncompleteUploadDays().isPresent()) {
                return Optional.of(UtcTime.dueAfterDays(initiated, r.abortIncompleteUploadDays().get()));
            }
        }
        return Optional.empty();
    }
}
