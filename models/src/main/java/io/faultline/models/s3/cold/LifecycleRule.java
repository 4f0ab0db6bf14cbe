package io.faultline.models.s3.cold;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One lifecycle rule (FIDELITY A9): a filter (key prefix, and optionally object size bounds, ANDed
 * as S3's {@code And} does) and its actions, with days counted from creation (or from becoming
 * noncurrent) and due at the next 00:00 UTC (A9.4). Noncurrent actions may keep the newest
 * {@code NewerNoncurrentVersions} noncurrent versions (A9.3).
 *
 * <pre>{@code
 * LifecycleRule archive = LifecycleRule.forPrefix("logs", "logs/")
 *         .objectSizeGreaterThan(1024)             // overrides the 128 KB default floor (A9.2)
 *         .transition(30, StorageClass.STANDARD_IA)
 *         .transition(90, StorageClass.GLACIER)
 *         .expiration(365)
 *         .noncurrentExpiration(30, 5);            // keep the 5 newest noncurrent versions
 * }</pre>
 *
 * @param id                          the rule's ID
 * @param prefix                      keys it applies to
 * @param transitions                 current-version transitions
 * @param expirationDays              current-version expiration
 * @param noncurrentTransitions       noncurrent-version transitions (days since becoming noncurrent)
 * @param noncurrentExpirationDays    noncurrent-version expiration
 * @param noncurrentExpirationNewer   its {@code NewerNoncurrentVersions}: noncurrent versions kept (1 to 100)
 * @param abortIncompleteUploadDays   abort multipart uploads this many days after initiation
 * @param expiredObjectDeleteMarker   remove a delete marker left as its key's only version
 *                                    ({@code ExpiredObjectDeleteMarker}, A9.3; not with expiration days)
 * @param objectSizeGreaterThan       the rule applies only to objects strictly larger (bytes)
 * @param objectSizeLessThan          the rule applies only to objects strictly smaller (bytes)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LifecycleRule(String id, String prefix, List<Transition> transitions, Optional<Integer> expirationDays,
        List<Transition> noncurrentTransitions, Optional<Integer> noncurrentExpirationDays,
        Optional<Integer> noncurrentExpirationNewer, Optional<Integer> abortIncompleteUploadDays,
        boolean expiredObjectDeleteMarker, Optional<Long> objectSizeGreaterThan, Optional<Long> objectSizeLessThan) {

    /**
     * Move to {@code target} {@code days} after creation (or after becoming noncurrent); a noncurrent
     * transition may keep the {@code newerNoncurrentVersions} newest noncurrent versions where they are.
     */
    public record Transition(int days, StorageClass target, Optional<Integer> newerNoncurrentVersions) {
        public Transition(int days, StorageClass target) {
            this(days, target, Optional.empty());
        }
    }

    public LifecycleRule {
        transitions = List.copyOf(transitions);
        noncurrentTransitions = List.copyOf(noncurrentTransitions);
    }

    /** A rule with no action yet. */
    public static LifecycleRule forPrefix(String id, String prefix) {
        return new LifecycleRule(id, prefix, List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    private LifecycleRule with(List<Transition> t, Optional<Integer> exp, List<Transition> nt, Optional<Integer> nexp,
                               Optional<Integer> newer, Optional<Integer> abort, boolean marker, Optional<Long> gt,
                               Optional<Long> lt) {
        return new LifecycleRule(id, prefix, t, exp, nt, nexp, newer, abort, marker, gt, lt);
    }

    public LifecycleRule transition(int days, StorageClass target) {
        return with(plus(transitions, new Transition(days, target)), expirationDays, noncurrentTransitions,
                noncurrentExpirationDays, noncurrentExpirationNewer, abortIncompleteUploadDays, expiredObjectDeleteMarker,
                objectSizeGreaterThan, objectSizeLessThan);
    }

    public LifecycleRule expiration(int days) {
        return with(transitions, Optional.of(days), noncurrentTransitions, noncurrentExpirationDays,
                noncurrentExpirationNewer, abortIncompleteUploadDays, expiredObjectDeleteMarker, objectSizeGreaterThan,
                objectSizeLessThan);
    }

    public LifecycleRule noncurrentTransition(int days, StorageClass target) {
        return noncurrentTransition(new Transition(days, target));
    }

    /** A noncurrent transition that keeps the {@code newer} newest noncurrent versions ({@code NewerNoncurrentVersions}). */
    public LifecycleRule noncurrentTransition(int days, StorageClass target, int newer) {
        return noncurrentTransition(new Transition(days, target, Optional.of(newer)));
    }

    private LifecycleRule noncurrentTransition(Transition t) {
        return with(transitions, expirationDays, plus(noncurrentTransitions, t), noncurrentExpirationDays,
                noncurrentExpirationNewer, abortIncompleteUploadDays, expiredObjectDeleteMarker, objectSizeGreaterThan,
                objectSizeLessThan);
    }

    public LifecycleRule noncurrentExpiration(int days) {
        return with(transitions, expirationDays, noncurrentTransitions, Optional.of(days), Optional.empty(),
                abortIncompleteUploadDays, expiredObjectDeleteMarker, objectSizeGreaterThan, objectSizeLessThan);
    }

    /** A noncurrent expiration that keeps the {@code newer} newest noncurrent versions ({@code NewerNoncurrentVersions}). */
    public LifecycleRule noncurrentExpiration(int days, int newer) {
        return with(transitions, expirationDays, noncurrentTransitions, Optional.of(days), Optional.of(newer),
                abortIncompleteUploadDays, expiredObjectDeleteMarker, objectSizeGreaterThan, objectSizeLessThan);
    }

    public LifecycleRule abortIncompleteUploads(int days) {
        return with(transitions, expirationDays, noncurrentTransitions, noncurrentExpirationDays,
                noncurrentExpirationNewer, Optional.of(days), expiredObjectDeleteMarker, objectSizeGreaterThan,
                objectSizeLessThan);
    }

    /** {@code ExpiredObjectDeleteMarker: true}: remove delete markers that are their key's only version (A9.3). */
    public LifecycleRule removeExpiredDeleteMarkers() {
        return with(transitions, expirationDays, noncurrentTransitions, noncurrentExpirationDays,
                noncurrentExpirationNewer, abortIncompleteUploadDays, true, objectSizeGreaterThan, objectSizeLessThan);
    }

    /** Filter {@code ObjectSizeGreaterThan}: only objects of more than {@code bytes} (A9.2). */
    public LifecycleRule objectSizeGreaterThan(long bytes) {
        return with(transitions, expirationDays, noncurrentTransitions, noncurrentExpirationDays,
                noncurrentExpirationNewer, abortIncompleteUploadDays, expiredObjectDeleteMarker, Optional.of(bytes),
                objectSizeLessThan);
    }

    /** Filter {@code ObjectSizeLessThan}: only objects of fewer than {@code bytes} (A9.2). */
    public LifecycleRule objectSizeLessThan(long bytes) {
        return with(transitions, expirationDays, noncurrentTransitions, noncurrentExpirationDays,
                noncurrentExpirationNewer, abortIncompleteUploadDays, expiredObjectDeleteMarker, objectSizeGreaterThan,
                Optional.of(bytes));
    }

    /** True if the rule has an object-size filter, which overrides the default 128 KB transition floor (A9.2). */
    public boolean hasSizeFilter() {
        return objectSizeGreaterThan.isPresent() || objectSizeLessThan.isPresent();
    }

    /** True if the rule's filter covers an object {@code key} of {@code size} bytes (prefix AND size bounds). */
    public boolean matches(String key, long size) {
        return matches(key) && objectSizeGreaterThan.map(min -> size > min).orElse(true)
                && objectSizeLessThan.map(max -> size < max).orElse(true);
    }

    /** True if the rule's key filter covers {@code key} (size bounds aside: an upload has no size yet). */
    public boolean matches(String key) {
        return key.startsWith(prefix);
    }

    private static List<Transition> plus(List<Transition> list, Transition t) {
        java.util.ArrayList<Transition> out = new java.util.ArrayList<>(list);
        out.add(t);
        return out;
    }
}
