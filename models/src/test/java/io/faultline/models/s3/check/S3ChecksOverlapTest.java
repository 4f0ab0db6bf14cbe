package io.faultline.models.s3.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.CheckResult;
import org.junit.jupiter.api.Test;

/**
 * The LIST check judges only what a client could observe: an operation recorded {@code info} may
 * take effect at any time after it was invoked, even after the client gave up on it, so it is
 * concurrent with everything that follows; a definite failure took effect never.
 */
class S3ChecksOverlapTest {

    private static Value kv(String k, Value v) {
        return Value.vec(Value.of(k), v);
    }

    private static void list(HistoryBuilder h, int p, long from, long to, String... keys) {
        h.invoke(p, "list", kv("", Value.NIL), from);
        h.complete(p, OpType.OK, "list", kv("", Value.vec(java.util.Arrays.stream(keys).map(Value::of).toList())), to);
    }

    /** A DELETE given up on (info at 30) before the PUT (40-50) may still land after it: LIST may omit the key. */
    @Test
    void anInfoDeleteRecordedBeforeThePutMayStillLandAfterIt() {
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(1, "delete", kv("k", Value.NIL), 10);
        h.complete(1, OpType.INFO, "delete", kv("k", Value.NIL), 30);
        h.invoke(0, "put", kv("k", Value.of("v")), 40);
        h.complete(0, OpType.OK, "put", kv("k", Value.of("v")), 50);
        list(h, 0, 60, 70);
        CheckResult r = S3Checks.listSeesCompletedWrites(h.build());
        assertEquals(Outcome.VALID, r.outcome(), r.detail());
    }

    /** The same DELETE refused (a definite fail) cannot have happened: the LIST that omits the key is wrong. */
    @Test
    void aFailedDeleteExcusesNothing() {
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(1, "delete", kv("k", Value.NIL), 10);
        h.complete(1, OpType.FAIL, "delete", kv("k", Value.NIL), 30);
        h.invoke(0, "put", kv("k", Value.of("v")), 40);
        h.complete(0, OpType.OK, "put", kv("k", Value.of("v")), 50);
        list(h, 0, 60, 70);
        CheckResult r = S3Checks.listSeesCompletedWrites(h.build());
        assertEquals(Outcome.INVALID, r.outcome(), r.detail());
    }

    /** A DELETE that completed before the PUT began is ordered before it: LIST must show the key. */
    @Test
    void anOkDeleteBeforeThePutIsOrdered() {
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(1, "delete", kv("k", Value.NIL), 10);
        h.complete(1, OpType.OK, "delete", kv("k", Value.NIL), 30);
        h.invoke(0, "put", kv("k", Value.of("v")), 40);
        h.complete(0, OpType.OK, "put", kv("k", Value.of("v")), 50);
        list(h, 0, 60, 70);
        assertEquals(Outcome.INVALID, S3Checks.listSeesCompletedWrites(h.build()).outcome());
        HistoryBuilder h2 = new HistoryBuilder();
        h2.invoke(1, "delete", kv("k", Value.NIL), 10);
        h2.invoke(0, "put", kv("k", Value.of("v")), 40);
        h2.complete(1, OpType.OK, "delete", kv("k", Value.NIL), 45);
        h2.complete(0, OpType.OK, "put", kv("k", Value.of("v")), 50);
        list(h2, 0, 60, 70);
        assertEquals(Outcome.VALID, S3Checks.listSeesCompletedWrites(h2.build()).outcome(),
                "a DELETE overlapping the PUT is concurrent with it");
    }
}
