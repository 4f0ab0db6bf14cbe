package io.faultline.checker.log;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-process order checks after an op whose outcome is unknown, in histories that reuse the
 * process id (Preparer accepts them; Jepsen gives the process a new id instead). Found by
 * {@link KafkaLogCheckerPropertiesTest}: an info send was taken as landed before the process's next
 * send, and polls were compared across an info poll that may have consumed records.
 */
class KafkaInfoOutcomeOrderTest {
    private final KafkaLogChecker checker = new KafkaLogChecker();
    private final HistoryBuilder h = new HistoryBuilder();
    private long t;

    @Test
    void aSendAfterAnInfoSendOfTheSameProcessMayLandBeforeIt() {
        send(0, 10, OpType.INFO, OptionalLong.empty());
        send(0, 11, OpType.OK, OptionalLong.of(0));
        poll(1, OpType.OK, 0, 11, 1, 10);
        LogCheckResult r = checker.check(h.build());
        assertEquals(Outcome.VALID, r.outcome(), r.anomalies().toString());
        assertTrue(r.anomalies().isEmpty(), r.anomalies().toString());
    }

    @Test
    void aSendAfterAnOkSendOfTheSameProcessMustLandAfterIt() {
        send(0, 10, OpType.OK, OptionalLong.of(1));
        send(0, 11, OpType.OK, OptionalLong.of(0));
        poll(1, OpType.OK, 0, 11, 1, 10);
        LogCheckResult r = checker.check(h.build());
        assertEquals(Outcome.INVALID, r.outcome());
        assertEquals(List.of(Value.of(10), Value.of(11)), r.of(AnomalyType.NONMONOTONIC_SEND).get(0).values());
    }

    @Test
    void aPollAfterAnInfoPollOfTheSameProcessMayStartFurtherOn() {
        threeSendsAndAReader();
        poll(2, OpType.OK, 0, 10);
        poll(2, OpType.INFO);   // consumed offset 1, but the client never learned it
        poll(2, OpType.OK, 2, 12);
        LogCheckResult r = checker.check(h.build());
        assertEquals(Outcome.VALID, r.outcome(), r.anomalies().toString());
        assertTrue(r.anomalies().isEmpty(), r.anomalies().toString());
    }

    @Test
    void okPollsOfOneProcessThatJumpAreStillAPollSkip() {
        threeSendsAndAReader();
        poll(2, OpType.OK, 0, 10);
        poll(2, OpType.OK, 2, 12);
        LogCheckResult r = checker.check(h.build());
        assertEquals(Outcome.INVALID, r.outcome());
        assertEquals(1, r.of(AnomalyType.POLL_SKIP).size(), r.anomalies().toString());
    }

    private void threeSendsAndAReader() {
        send(0, 10, OpType.OK, OptionalLong.of(0));
        send(0, 11, OpType.OK, OptionalLong.of(1));
        send(0, 12, OpType.OK, OptionalLong.of(2));
        poll(1, OpType.OK, 0, 10, 1, 11, 2, 12);
    }

    private void send(int process, long value, OpType type, OptionalLong offset) {
        h.invoke(process, KafkaOps.SEND, KafkaOps.sendInvoke(Value.of(0), Value.of(value)), t++);
        h.complete(process, type, KafkaOps.SEND, KafkaOps.sendOk(Value.of(0), offset, Value.of(value)), t++);
    }

    /** A poll of key 0; records given as offset, value, ...; an info poll carries none. */
    private void poll(int process, OpType type, long... offsetValue) {
        h.invoke(process, KafkaOps.POLL, KafkaOps.pollInvoke(), t++);
        if (type != OpType.OK) {
            h.complete(process, type, KafkaOps.POLL, KafkaOps.pollInvoke(), t++);
            return;
        }
        List<KafkaOps.Read> reads = new java.util.ArrayList<>();
        for (int i = 0; i < offsetValue.length; i += 2) {
            reads.add(new KafkaOps.Read(offsetValue[i], Value.of(offsetValue[i + 1])));
        }
        h.complete(process, type, KafkaOps.POLL, KafkaOps.pollOk(Map.of(Value.of(0), reads)), t++);
    }
}
