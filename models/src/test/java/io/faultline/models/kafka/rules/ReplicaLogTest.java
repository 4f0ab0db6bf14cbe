package io.faultline.models.kafka.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** LEO, HW, epoch cache, asynchronous flush and producer state of one replica (FIDELITY C1, C5, C6). */
class ReplicaLogTest {

    @Test
    void leoIsTheNextOffsetAndTheHwNeverExceedsIt() {
        ReplicaLog log = new ReplicaLog();
        assertEquals(0, log.leo());
        log.appendAsLeader(0, 10, -1, -1);
        log.appendAsLeader(0, 11, -1, -1);
        assertEquals(2, log.leo());
        log.setHighWatermark(5);
        assertEquals(2, log.highWatermark(), "C1: a HW above the LEO would expose missing records");
    }

    @Test
    void epochCacheRecordsWhereEachEpochStartsAndForgetsTruncatedOnes() {
        ReplicaLog log = new ReplicaLog();
        log.appendAsLeader(0, 1, -1, -1);
        log.appendAsLeader(2, 2, -1, -1);
        log.appendAsLeader(2, 3, -1, -1);
        log.appendAsLeader(5, 4, -1, -1);
        assertEquals(java.util.Map.of(0, 0L, 2, 1L, 5, 3L), log.epochs().entries());
        assertEquals(new EpochEnd(EpochEnd.UNDEFINED, 3), log.epochs().endOffsetKip101(2, log.leo()));
        assertEquals(new EpochEnd(EpochEnd.UNDEFINED, 3), log.epochs().endOffsetKip101(3, log.leo()),
                "KIP-101 answers with the next epoch's start even for an unknown epoch (C5.4)");
        assertEquals(new EpochEnd(2, 3), log.epochs().endOffsetKip279(3, log.leo()));
        assertEquals(new EpochEnd(5, 4), log.epochs().endOffsetKip279(7, log.leo()));
        log.truncateTo(2);
        assertEquals(java.util.Map.of(0, 0L, 2, 1L), log.epochs().entries());
        assertEquals(2, log.lastEpoch());
    }

    @Test
    void aCrashKeepsOnlyTheFlushedPrefixAndTheCheckpointedHw() {
        ReplicaLog log = new ReplicaLog();
        log.appendAsLeader(0, 1, -1, -1);
        log.appendAsLeader(0, 2, -1, -1);
        log.flush();
        log.appendAsLeader(1, 3, -1, -1);
        log.setHighWatermark(3);
        ReplicaLog after = ReplicaLog.afterCrash(log, 3);
        assertEquals(List.of(1L, 2L), after.values(), "C5.3: flushing is asynchronous");
        assertEquals(2, after.highWatermark());
        assertEquals(java.util.Map.of(0, 0L), after.epochs().entries());
    }

    @Test
    void truncationPullsTheHwAndFlushedPrefixDown() {
        ReplicaLog log = new ReplicaLog();
        for (int i = 0; i < 5; i++) {
            log.appendAsLeader(0, i, -1, -1);
        }
        log.flush();
        log.setHighWatermark(5);
        assertEquals(3, log.truncateTo(2));
        assertEquals(2, log.highWatermark());
        assertEquals(2, log.flushedOffset());
    }

    @Test
    void idempotentProducerStateDeduplicatesTheLastFiveBatchesOnly() {
        ReplicaLog log = new ReplicaLog();
        ProducerStateTable t = log.producers();
        assertInstanceOf(ProducerStateTable.OutOfOrder.class, t.check(7, 1), "C6: a new producer starts at 0");
        for (int seq = 0; seq < 7; seq++) {
            assertInstanceOf(ProducerStateTable.Append.class, t.check(7, seq));
            log.appendAsLeader(0, 100 + seq, 7, seq);
        }
        assertEquals(new ProducerStateTable.Duplicate(6), t.check(7, 6));
        assertEquals(new ProducerStateTable.Duplicate(2), t.check(7, 2));
        assertEquals(new ProducerStateTable.OutOfOrder(7), t.check(7, 1), "seq 1 is no longer retained");
        assertEquals(new ProducerStateTable.OutOfOrder(7), t.check(7, 9));
        log.truncateTo(5);
        assertInstanceOf(ProducerStateTable.Append.class, t.check(7, 5), "state rebuilt from the log");
    }
}
