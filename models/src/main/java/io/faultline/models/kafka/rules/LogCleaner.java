package io.faultline.models.kafka.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass of the log cleaner over a replica's segments (FIDELITY C8.4). The cleanable range is
 * the closed segments wholly below the high watermark (Kafka bounds it by the last stable offset,
 * which without transactions is the HW, and by the active segment) and older than
 * {@code min.compaction.lag.ms}. A pass runs only when the part of that range not cleaned yet (the
 * dirty part, from the cleaner's checkpoint) is more than {@code min.cleanable.dirty.ratio} of it.
 * It keeps the newest record of each key in the dirty part and removes older ones anywhere in the
 * range, in place: offsets never move, so readers see gaps. A tombstone that is the newest of its
 * key goes only when {@code delete.retention.ms} has passed since the first pass over its segment
 * (its delete horizon, KIP-534). Records without a key stay (Kafka refuses them on a compacted
 * topic; the model's producers may still send them).
 */
final class LogCleaner {
    private LogCleaner() {
    }

    /** The result of a pass: the new checkpoint (first dirty offset) and how many records it removed. */
    record Pass(long cleanedTo, int removed) {
    }

    /**
     * Cleans {@code segments} (the last one is active and never touched) at {@code now}, with the
     * checkpoint {@code cleanedTo}; returns the new checkpoint and the count of removed records.
     */
    static Pass clean(List<Segment> segments, long highWatermark, long cleanedTo, long now, SegmentPolicy policy) {
        CleanupPolicy c = policy.cleanup();
        int end = 0; // segments [0, end) are cleanable
        while (end < segments.size() - 1) {
            Segment s = segments.get(end);
            boolean belowHw = segments.get(end + 1).base <= highWatermark;
            boolean oldEnough = now - s.lastAppendNanos >= c.minCompactionLagMs() * 1_000_000L;
            if (!belowHw || !oldEnough) {
                break;
            }
            end++;
        }
        if (end == 0) {
            return new Pass(cleanedTo, 0);
        }
        long total = 0;
        long dirty = 0;
        for (int i = 0; i < end; i++) {
            Segment s = segments.get(i);
            total += s.bytes;
            dirty += s.base >= cleanedTo ? s.bytes : 0;
        }
        // Kafka cleans a log whose dirty ratio is above the threshold, not at it.
        if (dirty == 0 || (double) dirty / total <= c.minDirtyRatio()) {
            return new Pass(cleanedTo, 0);
        }
        // Only lookups by key: no iteration order leaks into the run.
        Map<Long, Long> newest = new LinkedHashMap<>();
        for (int i = 0; i < end; i++) {
            Segment s = segments.get(i);
            if (s.base < cleanedTo) {
                continue;
            }
            for (int j = 0; j < s.records.size(); j++) {
                LogRecord r = s.records.get(j);
                if (r.readable() && r.hasKey()) {
                    newest.put(r.key(), s.base + j);
                }
            }
        }
        int removed = 0;
        for (int i = 0; i < end; i++) {
            Segment s = segments.get(i);
            boolean pastHorizon = s.firstCleanedNanos >= 0
                    && now - s.firstCleanedNanos >= c.deleteRetentionMs() * 1_000_000L;
            for (int j = 0; j < s.records.size(); j++) {
                LogRecord r = s.records.get(j);
                if (!r.readable() || !r.hasKey()) {
                    continue;
                }
                long offset = s.base + j;
                boolean superseded = newest.getOrDefault(r.key(), offset) > offset;
                boolean expiredTombstone = r.kind() == LogRecord.Kind.TOMBSTONE && pastHorizon;
                if (superseded || expiredTombstone) {
                    s.clean(j, policy.recordBytes());
                    removed++;
                }
            }
            if (s.firstCleanedNanos < 0) {
                s.firstCleanedNanos = now;
            }
        }
        return new Pass(segments.get(end).base, removed);
    }
}
