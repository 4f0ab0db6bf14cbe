package io.faultline.models.kafka.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Segment rolling and retention of one replica's log (FIDELITY C8.1, C8.2). */
class RetentionTest {
    private static final long MS = 1_000_000L;

    /** 10 records per segment by size, rolled at least every second, kept 5 s, no size limit. */
    private static ReplicaLog log(long retentionBytes) {
        return new ReplicaLog(new SegmentPolicy(1000, 1000, 5000, retentionBytes, 100, CleanupPolicy.DELETE), 0);
    }

    private static void appendAt(ReplicaLog log, long ms, int n) {
        log.advanceClock(ms * MS);
        for (int i = 0; i < n; i++) {
            log.appendAsLeader(0, log.leo(), -1, -1);
        }
    }

    @Test
    void segmentsRollBySizeAndByAgeOnAppendOnly() {
        ReplicaLog log = log(-1);
        appendAt(log, 0, 25);
        assertEquals(3, log.segmentCount(), "segment.bytes: 10 records of 100 bytes fill 1000 bytes");
        appendAt(log, 999, 1);
        assertEquals(3, log.segmentCount());
        log.advanceClock(5000 * MS);
        assertEquals(3, log.segmentCount(), "an idle active segment is not rolled (C8.1)");
        appendAt(log, 5000, 1);
        assertEquals(4, log.segmentCount(), "segment.ms: the first append a second after the segment's first rolls");
    }

    @Test
    void retentionDeletesWholeClosedSegmentsBelowTheHwAndMovesTheLogStart() {
        ReplicaLog log = log(-1);
        appendAt(log, 0, 25);          // segments [0,10) [10,20) [20,25), all stamped at 0 ms
        appendAt(log, 4000, 5);        // [20,25) is 4 s old: segment.ms rolls the active [25,30)
        log.setHighWatermark(30);
        assertEquals(0, log.deleteExpired(5000 * MS), "not older than retention.ms yet");
        assertEquals(25, log.deleteExpired(5001 * MS), "the closed segments are past 5 s; the active one stays");
        assertEquals(25, log.logStartOffset());
        assertEquals(25, log.read(0, 100).get(0).value(), "reads start at the log start");
        assertThrows(IndexOutOfBoundsException.class, () -> log.get(24));
        log.setHighWatermark(29);
        assertEquals(25, log.deleteExpired(100_000 * MS), "the active segment goes only once the HW is at the LEO");
        log.setHighWatermark(30);
        assertEquals(30, log.deleteExpired(100_000 * MS), "then it is rolled and deleted: the log is empty at its end");
        assertEquals(30, log.leo());
        assertEquals(30, log.appendAsLeader(0, 99, -1, -1));
        assertEquals(0, log.epochs().latestEpoch().orElseThrow(), "the epoch cache keeps the latest epoch");
    }

    @Test
    void retentionWaitsForTheHighWatermark() {
        ReplicaLog log = log(-1);
        appendAt(log, 0, 25);          // [0,10) [10,20) [20,25)
        log.setHighWatermark(15);
        assertEquals(10, log.deleteExpired(10_000 * MS), "[10,20) is not wholly below the HW: it stays");
        log.setHighWatermark(20);
        assertEquals(20, log.deleteExpired(10_000 * MS));
    }

    @Test
    void retentionBytesKeepsTheLogAtLeastThatBig() {
        ReplicaLog log = new ReplicaLog(new SegmentPolicy(1000, 1_000_000, -1, 1500, 100, CleanupPolicy.DELETE), 0);
        appendAt(log, 0, 35);          // 3500 bytes in [0,10) [10,20) [20,30) [30,35)
        log.setHighWatermark(35);
        assertEquals(20, log.deleteExpired(0), "deleting [0,10) leaves 2500 >= 1500, [10,20) leaves 1500 >= 1500");
        assertEquals(1500, log.sizeBytes());
    }

    @Test
    void truncationBelowTheLogStartRestartsTheLogThereAndCrashKeepsTheStart() {
        ReplicaLog log = log(-1);
        appendAt(log, 0, 25);
        log.setHighWatermark(22);
        log.flush();
        log.deleteExpired(6000 * MS);   // [0,10) [10,20) go; [20,25) holds records above the HW
        ReplicaLog after = ReplicaLog.afterCrash(log, 22);
        assertEquals(20, after.logStartOffset());
        assertEquals(25, after.leo());
        log.truncateTo(12);
        assertEquals(12, log.logStartOffset());
        assertEquals(12, log.leo());
        log.restartAt(40);
        assertEquals(40, log.logStartOffset());
        assertEquals(40, log.appendAsLeader(1, 7, -1, -1));
    }
}
