package io.faultline.models.s3.cold;

/**
 * What lifecycle does to one object version once it is due (FIDELITY A9.3, A9.4).
 *
 * <pre>{@code
 * if (action instanceof LifecycleAction.Transition t) store.setClass(key, t.target());
 * }</pre>
 */
public sealed interface LifecycleAction {
    /** When the action became due: a UTC midnight (A9.4). */
    long dueNanos();

    /** The rule that asked for it. */
    String ruleId();

    /** Change the storage class. */
    record Transition(String ruleId, StorageClass target, long dueNanos) implements LifecycleAction {
    }

    /**
     * Expire the current version: removed for good in an unversioned bucket, a delete marker in a
     * versioned one (A9.3).
     */
    record Expire(String ruleId, boolean permanent, long dueNanos) implements LifecycleAction {
    }

    /** Delete a noncurrent version for good (A9.3). */
    record ExpireNoncurrent(String ruleId, long dueNanos) implements LifecycleAction {
    }

    /** Remove a delete marker that is its key's only version, an "expired object delete marker" (A9.3). */
    record RemoveExpiredDeleteMarker(String ruleId, long dueNanos) implements LifecycleAction {
    }

    /** Abort an incomplete multipart upload and drop its parts (A3.4). */
    record AbortIncompleteUpload(String ruleId, long dueNanos) implements LifecycleAction {
    }
}
