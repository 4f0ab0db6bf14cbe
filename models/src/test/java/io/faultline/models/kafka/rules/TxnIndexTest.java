package io.faultline.models.kafka.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The last stable offset, the aborted index and producer epochs come from the log alone (FIDELITY C12.1, C12.3). */
class TxnIndexTest {
    private static final long A = 1L << 40;
    private static final long B = A + 1;

    private static void data(ReplicaLog log, long pid, int producerEpoch, int seq, long value) {
        log.appendBatchAsLeader(0, List.of(new KeyValue(LogRecord.NO_KEY, value)), pid, seq, producerEpoch,
                LogRecord.TRANSACTIONAL);
    }

    private static void marker(ReplicaLog log, long pid, int producerEpoch, int kind) {
        log.appendBatchAsLeader(0, List.of(new KeyValue(LogRecord.NO_KEY, -1)), pid, -1, producerEpoch, kind);
    }

    @Test
    void theLastStableOffsetStopsAtTheFirstOpenTransactionAndAnAbortIsIndexed() {
        ReplicaLog log = new ReplicaLog();
        log.appendBatchAsLeader(0, List.of(new KeyValue(LogRecord.NO_KEY, 1)), -1, -1); // 0: plain
        data(log, A, 0, 0, 10);                                                             // 1: A opens
        data(log, B, 0, 0, 20);                                                             // 2: B opens
        data(log, A, 0, 1, 11);                                                             // 3
        TxnIndex index = new TxnIndex();
        index.follow(log);
        assertEquals(1, index.lastStableOffset(4), "A's transaction is open from offset 1");
        assertEquals(1, index.lastStableOffset(1), "never above the HW");
        marker(log, A, 0, LogRecord.ABORT_MARKER);                                          // 4: A aborts
        index.follow(log);
        assertEquals(2, index.lastStableOffset(5), "B's transaction is still open");
        assertEquals(List.of(new AbortedTxn(A, 1, 4)), index.abortedBetween(0, 5));
        assertEquals(List.of(), index.abortedBetween(4, 5), "the range holds none of A's records");
        marker(log, B, 0, LogRecord.COMMIT_MARKER);                                         // 5: B commits
        index.follow(log);
        assertEquals(6, index.lastStableOffset(6));
        assertEquals(1, index.abortedBetween(0, 6).size(), "a commit is not indexed");
    }

    @Test
    void aTruncatedLogIsReadAgain() {
        ReplicaLog log = new ReplicaLog();
        data(log, A, 0, 0, 10);
        marker(log, A, 0, LogRecord.ABORT_MARKER);
        TxnIndex index = new TxnIndex();
        index.follow(log);
        assertEquals(1, index.abortedBetween(0, 2).size());
        log.truncateTo(1);
        index.follow(log);
        assertEquals(0, index.lastStableOffset(1), "the marker is gone: the transaction is open again");
        assertEquals(List.of(), index.abortedBetween(0, 2));
    }

    @Test
    void aMarkerUnderABumpedEpochRaisesTheEpochAndSequencesRestartPerEpoch() {
        ReplicaLog log = new ReplicaLog();
        data(log, A, 0, 0, 10);
        data(log, A, 0, 1, 11);
        marker(log, A, 1, LogRecord.ABORT_MARKER);
        TxnIndex index = new TxnIndex();
        index.follow(log);
        assertEquals(1, index.producerEpoch(A), "a zombie of epoch 0 is fenced from here on (C12.1)");
        assertEquals(-1, index.producerEpoch(B));
        assertInstanceOf(ProducerStateTable.Append.class, log.producers().check(A, 1, 0, 0), "epoch 1 starts at 0");
        assertEquals(new ProducerStateTable.Duplicate(1), log.producers().check(A, 0, 1, 1));
    }
}
