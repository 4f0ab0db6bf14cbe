package io.faultline.checker.log;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-made histories for the kinds the generated ones do not plant (FIDELITY C12.4). */
class CycleChecksTest {
    private final HistoryBuilder h = new HistoryBuilder();
    private long t;

    private static Value send(long k, long offset, long v) {
        return Value.vec(Value.kw(KafkaOps.SEND), Value.of(k), Value.vec(Value.of(offset), Value.of(v)));
    }

    private static Value poll(long k, long... offsetValue) {
        return Value.vec(Value.kw(KafkaOps.POLL), new Value.MapV(Map.of(Value.of(k), records(offsetValue))));
    }

    /** A poll of keys 0 and 1, each given as offset, value, offset, value, ... */
    private static Value pollBoth(long[] key0, long[] key1) {
        return Value.vec(Value.kw(KafkaOps.POLL), new Value.MapV(Map.of(Value.of(0), records(key0),
                Value.of(1), records(key1))));
    }

    private static Value records(long[] offsetValue) {
        List<Value> records = new ArrayList<>();
        for (int i = 0; i < offsetValue.length; i += 2) {
            records.add(Value.vec(Value.of(offsetValue[i]), Value.of(offsetValue[i + 1])));
        }
        return Value.vec(records);
    }

    private void invoke(int p) {
        h.invoke(p, KafkaOps.TXN, Value.vec(Value.vec(Value.kw(KafkaOps.POLL))), t++);
    }

    private void ok(int p, Value... microOps) {
        h.complete(p, OpType.OK, KafkaOps.TXN, Value.vec(microOps), t++);
    }

    @Test
    void aCycleOfWriteWriteAndWriteReadEdgesIsG1cWwAndAllowed() {
        // T2 appends to key 1 before T1 does; T1 commits; T2 then reads T1's record of key 0.
        invoke(1);
        invoke(2);
        ok(1, send(1, 1, 11), send(0, 0, 10));
        ok(2, send(1, 0, 21), poll(0, 0, 10));
        invoke(3);
        ok(3, pollBoth(new long[] {0, 10}, new long[] {0, 21, 1, 11}));
        LogCheckResult r = new KafkaLogChecker().check(h.build());
        assertEquals(Outcome.VALID, r.outcome(), r::summary);
        assertEquals(List.of(AnomalyType.G1C_WW), r.anomalies().stream().map(Anomaly::type).toList(), r::summary);
        assertEquals("#3 -ww 1:11-> #2 -wr 0:10-> #3", r.anomalies().get(0).detail());
    }

    @Test
    void aReadThatStoppedInsideATransactionIsG1bAndAllowed() {
        // The reader also missed the transaction's next record: an anti-dependency back to it (G2).
        invoke(1);
        ok(1, send(0, 0, 10), send(0, 1, 11));
        invoke(2);
        ok(2, poll(0, 0, 10));
        invoke(3);
        ok(3, poll(0, 0, 10, 1, 11));
        History history = h.build();
        LogCheckResult r = new KafkaLogChecker().check(history);
        assertEquals(Outcome.VALID, r.outcome(), r::summary);
        assertEquals(List.of(AnomalyType.G1B, AnomalyType.G2), r.anomalies().stream().map(Anomaly::type).toList(),
                r::summary);
        assertEquals(List.of(Value.of(10), Value.of(11)), r.anomalies().get(0).values());
    }

    @Test
    void writeSkewIsACycleOfAntiDependenciesG2AndAllowed() {
        // T1 read key 0 up to 5 and wrote key 1; T2 read key 1 up to 6 and wrote key 0: each missed
        // the other's write, which Kafka's transactions do not prevent.
        invoke(0);
        ok(0, send(0, 0, 5), send(1, 0, 6));
        invoke(1);
        invoke(2);
        ok(1, poll(0, 0, 5), send(1, 1, 10));
        ok(2, poll(1, 0, 6), send(0, 1, 20));
        invoke(3);
        ok(3, pollBoth(new long[] {0, 5, 1, 20}, new long[] {0, 6, 1, 10}));
        LogCheckResult r = new KafkaLogChecker().check(h.build());
        assertEquals(Outcome.VALID, r.outcome(), r::summary);
        assertEquals(List.of(AnomalyType.G2), r.anomalies().stream().map(Anomaly::type).toList(), r::summary);
        assertEquals("#4 -rw 0:20-> #5 -rw 1:10-> #4", r.anomalies().get(0).detail());
    }
}
