package io.faultline.models.kafka.rules;

import org.apiguardian.api.API;

/**
 * How a replica's log is cut into segments and which segments retention deletes (FIDELITY C8.1,
 * C8.2): a new segment is rolled when the active one would pass {@code segmentBytes} or its first
 * record is {@code segmentMs} old; a segment below the HW is deleted whole (the active one after
 * rolling a new one) once its
 * newest record is older than {@code retentionMs} or the log without it is still at least
 * {@code retentionBytes} big (-1 turns either limit off). {@code recordBytes} is the size of one
 * record on disk, a modelling choice [M22] since the model's records carry no payload. {@code cleanup}
 * says whether retention deletes at all and whether the cleaner compacts (C8.4).
 *
 * <pre>{@code
 * SegmentPolicy p = new SegmentPolicy(1 << 20, 60_000, 600_000, -1, 100, CleanupPolicy.DELETE);
 * ReplicaLog log = new ReplicaLog(p, 0);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SegmentPolicy(long segmentBytes, long segmentMs, long retentionMs, long retentionBytes, int recordBytes,
        CleanupPolicy cleanup) {
    /** Kafka's topic defaults (1 GiB segments, rolled weekly, kept 7 days, no size limit); 100-byte records. */
    public static final SegmentPolicy KAFKA_DEFAULTS = new SegmentPolicy(1L << 30, 604_800_000L, 604_800_000L, -1, 100,
            CleanupPolicy.DELETE);

    public SegmentPolicy {
        if (segmentBytes < 1 || segmentMs < 1 || recordBytes < 1) {
            throw new IllegalArgumentException("segment.bytes, segment.ms and the record size must be positive");
        }
    }

    /** The same segments and retention under another cleanup policy. */
    public SegmentPolicy withCleanup(CleanupPolicy c) {
        return new SegmentPolicy(segmentBytes, segmentMs, retentionMs, retentionBytes, recordBytes, c);
    }
}
