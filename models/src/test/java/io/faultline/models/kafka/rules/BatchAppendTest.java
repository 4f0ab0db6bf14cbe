package io.faultline.models.kafka.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Producer batches are appended whole and deduplicated as batches (FIDELITY C6, C11.1). */
class BatchAppendTest {

    private static List<KeyValue> batch(long... values) {
        return java.util.Arrays.stream(values).mapToObj(v -> new KeyValue(v % 3, v)).toList();
    }

    @Test
    void aBatchGetsConsecutiveOffsetsAndSequencesAndMarksItsEnd() {
        ReplicaLog log = new ReplicaLog();
        assertEquals(0, log.appendBatchAsLeader(1, batch(10, 11, 12), 5, 0));
        assertEquals(3, log.appendBatchAsLeader(1, batch(13, 14), 5, 3));
        assertEquals(List.of(0, 1, 2, 3, 4), log.records().stream().map(LogRecord::sequence).toList());
        assertEquals(List.of(false, false, true, false, true), log.records().stream().map(LogRecord::batchEnd).toList());
        assertTrue(log.get(1).hasKey());
    }

    @Test
    void aResentBatchIsADuplicateOfItsFirstOffsetAndAGapIsOutOfOrder() {
        ReplicaLog log = new ReplicaLog();
        ProducerStateTable t = log.producers();
        log.appendBatchAsLeader(1, batch(10, 11, 12), 5, 0);
        log.appendBatchAsLeader(1, batch(13, 14), 5, 3);
        assertEquals(new ProducerStateTable.Duplicate(0), t.check(5, 0, 2));
        assertEquals(new ProducerStateTable.Duplicate(3), t.check(5, 3, 4));
        assertInstanceOf(ProducerStateTable.Append.class, t.check(5, 5, 9));
        assertEquals(new ProducerStateTable.OutOfOrder(5), t.check(5, 6, 7));
        assertEquals(new ProducerStateTable.OutOfOrder(5), t.check(5, 1, 2), "not a batch that was appended");
    }

    @Test
    void aBatchCutByTruncationIsClosedSoTheNextOneStartsAnew() {
        ReplicaLog log = new ReplicaLog();
        log.appendBatchAsLeader(1, batch(10, 11, 12), 5, 0);
        log.truncateTo(2);
        assertInstanceOf(ProducerStateTable.Append.class, log.producers().check(5, 2, 3));
        log.appendBatchAsLeader(2, batch(20, 21), 5, 2);
        assertEquals(new ProducerStateTable.Duplicate(2), log.producers().check(5, 2, 3));
    }
}
