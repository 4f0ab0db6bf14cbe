package io.faultline.models.kafka.rules;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log cleaner of a compacted topic (FIDELITY C8.4), on one replica's log. */
class LogCleanerTest {
    private static final long MS = 1_000_000L;

    /** 4 records per segment, rolled by size (segment.ms a day), retention.ms 1 ms; tombstones kept 1 s; the given ratio and lag. */
    private static ReplicaLog log(String policy, double ratio, long lagMs) {
        CleanupPolicy c = CleanupPolicy.parse(policy, 1000, ratio, lagMs);
        return new ReplicaLog(new SegmentPolicy(400, 86_400_000, 1, -1, 100, c), 0);
    }

    /** Appends keyed records (key, value) at {@code ms}; the HW follows the LEO. */
    private static void append(ReplicaLog log, long ms, long... keyValues) {
        log.advanceClock(ms * MS);
        List<LogRecord> rs = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            rs.add(new LogRecord(0, keyValues[i], keyValues[i + 1], -1, -1, true));
        }
        log.appendAsFollower(rs);
        log.setHighWatermark(log.leo());
    }

    private static List<Long> readableOffsets(ReplicaLog log) {
        List<Long> out = new ArrayList<>();
        for (long o = log.logStartOffset(); o < log.leo(); o++) {
            if (log.get(o).readable()) {
                out.add(o);
            }
        }
        return out;
    }

    @Test
    void keepsTheNewestRecordOfEachKeyInClosedSegmentsAndKeepsOffsets() {
        ReplicaLog log = log("compact", 0.5, 0);
        // keys 1,2,1,2 | 1,3,1,2 | 1 (active: offset 8)
        append(log, 0, 1, 10, 2, 20, 1, 11, 2, 21, 1, 12, 3, 30, 1, 13, 2, 22, 1, 14);
        assertEquals(3, log.segmentCount());
        int removed = log.clean(1 * MS);
        // Key 1's newest in the cleanable range is offset 6, key 2's offset 7; key 3 has one.
        assertEquals(List.of(5L, 6L, 7L, 8L), readableOffsets(log), "older values of keys 1 and 2 are gaps now");
        assertEquals(5, removed);
        assertEquals(9, log.leo(), "offsets never move: the LEO stays");
        assertEquals(List.of(30L, 13L, 22L, 14L), log.values());
        assertEquals(0, log.logStartOffset());
        assertTrue(log.get(8).readable(), "the active segment is never cleaned, though offset 6 has the same key");
    }

    @Test
    void retentionDoesNotDeleteACompactOnlyTopicButDoesWithCompactDelete() {
        ReplicaLog compact = log("compact", 0.5, 0);
        ReplicaLog both = log("compact,delete", 0.5, 0);
        for (ReplicaLog l : List.of(compact, both)) {
            append(l, 0, 1, 10, 2, 20, 3, 30, 4, 40, 5, 50);
            l.deleteExpired(10_000 * MS);
        }
        assertEquals(0, compact.logStartOffset(), "cleanup.policy=compact: retention.ms deletes nothing");
        assertEquals(5, both.logStartOffset(), "compact,delete: retention.ms deletes old segments too (C8.2)");
    }

    @Test
    void nothingAboveTheHighWatermarkIsCleaned() {
        ReplicaLog log = log("compact", 0.0, 0);
        append(log, 0, 1, 10, 1, 11, 1, 12, 1, 13, 1, 14, 1, 15, 1, 16, 1, 17, 1, 18);
        log.setHighWatermark(5); // the second segment [4, 8) is not wholly below the HW
        log.clean(1 * MS);
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), readableOffsets(log),
                "only [0, 4) is cleanable; its newest record of key 1 is offset 3");
    }

    @Test
    void minCompactionLagKeepsYoungSegmentsUncleaned() {
        ReplicaLog log = log("compact", 0.0, 5000);
        append(log, 0, 1, 10, 1, 11, 1, 12, 1, 13);
        append(log, 4000, 1, 14, 1, 15, 1, 16, 1, 17, 1, 18);
        assertEquals(0, log.clean(4500 * MS), "the first segment's newest record is 4.5 s old: under the lag");
        assertEquals(3, log.clean(5000 * MS), "at 5 s the first segment may be cleaned, the second not yet");
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), readableOffsets(log));
    }

    @Test
    void aPassRunsOnlyWhenTheDirtyRatioIsAboveTheMinimum() {
        ReplicaLog log = log("compact", 0.5, 0);
        append(log, 0, 1, 10, 2, 20, 3, 30, 4, 40, 5, 50);
        assertEquals(0, log.clean(1 * MS), "nothing to remove, but the pass covers [0, 4)");
        append(log, 2, 1, 11, 6, 60, 7, 70, 8, 80);   // closes [4, 8); offset 9 is active
        // Cleanable [0, 8): 8 records, the dirty part [4, 8) holds 4 of them, a ratio of 0.5: not above 0.5.
        assertEquals(0, log.clean(3 * MS));
        assertTrue(log.get(0).readable(), "key 1's first value stays until a pass runs");
        append(log, 4, 9, 90, 10, 100, 11, 110, 12, 120);
        assertEquals(1, log.clean(5 * MS), "dirty [4, 12) is 8 of 12 records: the pass runs and removes key 1's older value");
        assertFalse(log.get(0).readable());
    }

    @Test
    void aTombstoneStaysForDeleteRetentionAfterTheFirstPassThenGoes() {
        ReplicaLog log = log("compact", 0.0, 0);
        log.advanceClock(0);
        log.appendAsFollower(List.of(new LogRecord(0, 1, 10, -1, -1, true), LogRecord.tombstone(0, 1, 11),
                new LogRecord(0, 2, 20, -1, -1, true), new LogRecord(0, 3, 30, -1, -1, true),
                new LogRecord(0, 4, 40, -1, -1, true)));
        log.setHighWatermark(log.leo());
        log.clean(100 * MS);
        assertEquals(List.of(1L, 2L, 3L, 4L), readableOffsets(log), "the tombstone deletes key 1's value and stays");
        // A pass runs only over new dirty records: each step below closes a segment of other keys.
        append(log, 1099, 5, 50, 6, 60, 7, 70, 8, 80);
        log.clean(1099 * MS);
        assertTrue(log.get(1).readable(), "delete.retention.ms (1 s) after the first pass has not passed");
        append(log, 1100, 9, 90, 10, 100, 11, 110, 12, 120);
        log.clean(1100 * MS);
        assertFalse(log.get(1).readable(), "past its delete horizon the tombstone goes too");
        assertFalse(log.values().contains(11L));
        assertEquals(2L, readableOffsets(log).get(0));
    }

    @Test
    void aFollowerCopiesTheGapsAndAReaderSkipsThem() {
        ReplicaLog leader = log("compact", 0.5, 0);
        append(leader, 0, 1, 10, 1, 11, 1, 12, 1, 13, 2, 20);
        leader.clean(1 * MS);
        ReplicaLog follower = log("compact", 0.5, 0);
        follower.appendAsFollower(leader.read(0, 100));
        assertEquals(leader.leo(), follower.leo());
        assertEquals(List.of(13L, 20L), follower.values());
        assertTrue(follower.get(0).sameSlot(new LogRecord(0, 1, 10, -1, -1, true)), "a gap is the same slot as the record it was");
    }
}
