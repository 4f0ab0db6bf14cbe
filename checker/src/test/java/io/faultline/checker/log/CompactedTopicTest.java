package io.faultline.checker.log;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a compacted topic (FIDELITY C8.4) the log cleaner removes older values of a record key, so a
 * poll sees gaps: a value that a newer one of its key follows is "compacted", never lost, unseen
 * or skipped; a value with no newer one of its key is still judged.
 */
class CompactedTopicTest {
    /** Partition 1: values 10 and 12 have record key 7, value 11 record key 8. */
    private static final Map<Value, Map<Value, Value>> KEYS = Map.of(Value.of(1),
            Map.of(Value.of(10), Value.of(7), Value.of(11), Value.of(8), Value.of(12), Value.of(7)));

    /** Offsets 0 (10, key 7), 1 (11, key 8), 2 (12, key 7); a consumer reads 1 and 2 after the cleaner removed 0. */
    private static History compactedUnderTheReader() {
        return new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).send(0, 1, 12, 2)
                .poll(1, 1, 1, 11).poll(1, 1, 2, 12).build();
    }

    @Test
    void aValueTheCleanerRemovedIsCompactedNotLost() {
        LogCheckResult r = new KafkaLogChecker(KEYS).check(compactedUnderTheReader());
        assertEquals(Outcome.VALID, r.outcome(), r.anomalies().toString());
        assertTrue(r.of(AnomalyType.LOST_WRITE).isEmpty());
        assertTrue(r.of(AnomalyType.UNSEEN).isEmpty());
        List<Anomaly> compacted = r.of(AnomalyType.COMPACTED);
        assertEquals(1, compacted.size(), r.anomalies().toString());
        assertEquals(List.of(Value.of(10)), compacted.get(0).values());
        assertTrue(compacted.get(0).toString().contains("compacted (a newer value of key 7 at offset 2"),
                compacted.get(0)::toString);
    }

    @Test
    void withoutRecordKeysTheSameHistoryIsALostWrite() {
        LogCheckResult r = new KafkaLogChecker().check(compactedUnderTheReader());
        assertEquals(Outcome.INVALID, r.outcome());
        assertEquals(List.of(Value.of(10)), r.of(AnomalyType.LOST_WRITE).get(0).values());
    }

    @Test
    void aValueWithNoNewerValueOfItsKeyIsStillLost() {
        // 11 (key 8) has no newer value of its key: compaction cannot explain its absence.
        History h = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).send(0, 1, 12, 2)
                .poll(1, 1, 2, 12).build();
        LogCheckResult r = new KafkaLogChecker(KEYS).check(h);
        assertEquals(Outcome.INVALID, r.outcome());
        assertEquals(List.of(Value.of(11)), r.of(AnomalyType.LOST_WRITE).get(0).values());
        assertEquals(List.of(Value.of(10)), r.of(AnomalyType.COMPACTED).get(0).values());
    }

    @Test
    void aGapIsASkipOnlyIfAValueNotSupersededIsInIt() {
        // Offsets 0..3 hold 11 (key 8), 10 (key 7), 12 (key 7), 13 (key 8).
        Map<Value, Map<Value, Value>> keys = Map.of(Value.of(1), Map.of(Value.of(11), Value.of(8),
                Value.of(10), Value.of(7), Value.of(12), Value.of(7), Value.of(13), Value.of(8)));
        History h = new KafkaHistories().send(0, 1, 11, 0).send(0, 1, 10, 1).send(0, 1, 12, 2).send(0, 1, 13, 3)
                .poll(1, 1, 0, 11, 2, 12)    // passes over 10, which 12 superseded: a compaction gap
                .poll(2, 1, 1, 10, 3, 13)    // passes over 12, the newest of key 7: a real skip
                .build();
        List<Anomaly> skips = new KafkaLogChecker(keys).check(h).of(AnomalyType.INT_POLL_SKIP);
        assertEquals(1, skips.size(), skips::toString);
        assertEquals(List.of(Value.of(10), Value.of(13)), skips.get(0).values());
    }
}
