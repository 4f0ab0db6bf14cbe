package io.faultline.models.s3.cold;

import java.util.List;
import java.util.Optional;

/**
 * One lifecycle rule (FIDELITY A9): a key-prefix filter and its actions, with days counted from
 * creation (or from becoming noncurrent) and due at the next 00:00 UTC (A9.4).
 *
 * <pre>{@code
 * LifecycleRule archive = LifecycleRule.forPrefix("logs", "logs/")
 *         .transition(30, StorageClass.STANDARD_IA)
 *         .transition(90, StorageClass.GLACIER)
 *         .expiration(365);
 * }</pre>
 *
 * @param id                          the rule's ID
 * @param prefix                      keys it applies to
 * @param transitions                 current-version transitions
 * @param expirationDays              current-version expiration
 * @param noncurrentTransitions       noncurrent-version transitions (days since becoming noncurrent)
 * @param noncurrentExpirationDays    noncurrent-version expiration
 * @param abortIncompleteUploadDays   abort multipart uploads this many days after initiation
 * @param expiredObjectDeleteMarker   remove a delete marker left as its key's only version
 *                                    ({@code ExpiredObjectDeleteMarker}, A9.3; not with expiration days)
 */
public record LifecycleRule(String id, String prefix, List<Transition> transitions, Optional<Integer> expirationDays,
        List<Transition> noncurrentTransitions, Optional<Integer> noncurrentExpirationDays,
        Optional<Integer> abortIncompleteUploadDays, boolean expiredObjectDeleteMarker) {

    /** Move to {@code target} {@code days} after creation (or after becoming noncurrent). */
    public record Transition(int days, StorageClass target) {
    }

    public LifecycleRule {
        transitions = List.copyOf(transitions);
        noncurrentTransitions = List.copyOf(noncurrentTransitions);
    }

    /** A rule with no action yet. */
    public static LifecycleRule forPrefix(String id, String prefix) {
        return new LifecycleRule(id, prefix, List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                false);
    }

    public LifecycleRule transition(int days, StorageClass target) {
        return new LifecycleRule(id, prefix, plus(transitions, new Transition(days, target)), expirationDays,
                noncurrentTransitions, noncurrentExpirationDays, abortIncompleteUploadDays, expiredObjectDeleteMarker);
    }

    public LifecycleRule expiration(int days) {
        return new LifecycleRule(id, prefix, transitions, Optional.of(days), noncurrentTransitions,
                noncurrentExpirationDays, abortIncompleteUploadDays, expiredObjectDeleteMarker);
    }

    public LifecycleRule noncurrentTransition(int days, StorageClass target) {
        return new LifecycleRule(id, prefix, transitions, expirationDays,
                plus(noncurrentTransitions, new Transition(days, target)), noncurrentExpirationDays,
                abortIncompleteUploadDays, expiredObjectDeleteMarker);
    }

    public LifecycleRule noncurrentExpiration(int days) {
        return new LifecycleRule(id, prefix, transitions, expirationDays, noncurrentTransitions, Optional.of(days),
                abortIncompleteUploadDays, expiredObjectDeleteMarker);
    }

    public LifecycleRule abortIncompleteUploads(int days) {
        return new LifecycleRule(id, prefix, transitions, expirationDays, noncurrentTransitions,
                noncurrentExpirationDays, Optional.of(days), expiredObjectDeleteMarker);
    }

    /** {@code ExpiredObjectDeleteMarker: true}: remove delete markers that are their key's only version (A9.3). */
    public LifecycleRule removeExpiredDeleteMarkers() {
        return new LifecycleRule(id, prefix, transitions, expirationDays, noncurrentTransitions,
                noncurrentExpirationDays, abortIncompleteUploadDays, true);
    }

    /** True if the rule's filter covers {@code key}. */
    public boolean matches(String key) {
        return key.startsWith(prefix);
    }

    private static List<Transition> plus(List<Transition> list, Transition t) {
        java.util.ArrayList<Transition> out = new java.util.ArrayList<>(list);
        out.add(t);
        return out;
    }
}
