package io.faultline.models.s3.cold;

import org.apiguardian.api.API;

/**
 * What lifecycle does to one object version once it is due (FIDELITY A9.3, A9.4).
 *
 * <pre>{@code
 * if (action instanceof LifecycleAction.Transition t) store.setClass(key, t.target());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface LifecycleAction {
    /** When the action became due: a UTC midnight (A9.4). */
    long dueNanos();

    /** The rule that asked for it. */
    String ruleId();

    /** For reports, e.g. {@code transition to GLACIER (rule to-glacier)}. */
    String describe();

    /** Change the storage class. */
    record Transition(String ruleId, StorageClass target, long dueNanos) implements LifecycleAction {
        @Override
        public String describe() {
            return "transition to " + target + " (rule " + ruleId + ")";
        }
    }

    /**
     * Expire the current version: removed for good in an unversioned bucket, a delete marker in a
     * versioned one (A9.3).
     */
    record Expire(String ruleId, boolean permanent, long dueNanos) implements LifecycleAction {
        @Override
        public String describe() {
            return (permanent ? "expiration, removed" : "expiration, delete marker") + " (rule " + ruleId + ")";
        }
    }

    /** Delete a noncurrent version for good (A9.3). */
    record ExpireNoncurrent(String ruleId, long dueNanos) implements LifecycleAction {
        @Override
        public String describe() {
            return "noncurrent version expired (rule " + ruleId + ")";
        }
    }

    /** Remove a delete marker that is its key's only version, an "expired object delete marker" (A9.3). */
    record RemoveExpiredDeleteMarker(String ruleId, long dueNanos) implements LifecycleAction {
        @Override
        public String describe() {
            return "expired delete marker removed (rule " + ruleId + ")";
        }
    }

    /** Abort an incomplete multipart upload and drop its parts (A3.4). */
    record AbortIncompleteUpload(String ruleId, long dueNanos) implements LifecycleAction {
        @Override
        public String describe() {
            return "incomplete upload aborted (rule " + ruleId + ")";
        }
    }
}
