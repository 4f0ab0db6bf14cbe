package io.faultline.models.kafka.rules;

import org.apiguardian.api.API;

/**
 * A topic's {@code cleanup.policy} and the log cleaner's settings (FIDELITY C8.4): {@code delete}
 * lets retention delete old segments (C8.2), {@code compact} lets the cleaner keep only the newest
 * record of each key in the closed segments; both may be on ({@code compact,delete}).
 * {@code deleteRetentionMs} is how long a tombstone stays readable after its segment's newest
 * append, {@code minDirtyRatio} the share of the cleanable log that must be uncleaned before a
 * pass runs, {@code minCompactionLagMs} how old a segment's newest record must be before it is
 * cleaned.
 *
 * <pre>{@code
 * CleanupPolicy p = CleanupPolicy.parse("compact", 86_400_000L, 0.5, 0);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CleanupPolicy(boolean delete, boolean compact, long deleteRetentionMs, double minDirtyRatio,
        long minCompactionLagMs) {
    /** Kafka's topic default: {@code cleanup.policy=delete}, the cleaner's defaults otherwise. */
    public static final CleanupPolicy DELETE = new CleanupPolicy(true, false, 86_400_000L, 0.5, 0);

    public CleanupPolicy {
        if (!delete && !compact) {
            throw new IllegalArgumentException("cleanup.policy must delete, compact or both");
        }
        if (deleteRetentionMs < 0 || minCompactionLagMs < 0 || minDirtyRatio < 0 || minDirtyRatio > 1) {
            throw new IllegalArgumentException("delete.retention.ms and min.compaction.lag.ms must be at least 0, "
                    + "min.cleanable.dirty.ratio within [0, 1]");
        }
    }

    /** The policy named by {@code cleanup.policy}'s value: delete, compact, or compact,delete. */
    public static CleanupPolicy parse(String policy, long deleteRetentionMs, double minDirtyRatio, long minCompactionLagMs) {
        boolean compact = policy.contains("compact");
        boolean delete = policy.contains("delete");
        return new CleanupPolicy(delete, compact, deleteRetentionMs, minDirtyRatio, minCompactionLagMs);
    }

    /** The same settings with compaction only, as {@code __consumer_offsets} has (C8.4). */
    public CleanupPolicy compactOnly() {
        return new CleanupPolicy(false, true, deleteRetentionMs, minDirtyRatio, minCompactionLagMs);
    }
}
