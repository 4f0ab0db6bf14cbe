package io.faultline.models.s3.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.CheckResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Conditional puts ({@code cas [k [old new]]}, FIDELITY A7.2) in the S3 checks: a successful one is
 * a put that happened only if the key held {@code old}; a refused one (412, 409) did not happen.
 */
class S3ChecksConditionalTest {

    private static Value kv(String k, Value v) {
        return Value.vec(Value.of(k), v);
    }

    private static Value cas(String k, Value old, String now) {
        return kv(k, Value.vec(old, Value.of(now)));
    }

    private static void op(HistoryBuilder h, int p, String f, Value v, OpType type, long from, long to) {
        h.invoke(p, f, v, from);
        h.complete(p, type, f, v, to);
    }

    /** Two overlapping If-None-Match puts of an absent key both succeeding: the lost update leases prevent. */
    @Test
    void twoIfNoneMatchPutsCannotBothSucceed() {
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(0, "cas", cas("k", Value.NIL, "a"), 10);
        h.invoke(1, "cas", cas("k", Value.NIL, "b"), 12);
        h.complete(0, OpType.OK, "cas", cas("k", Value.NIL, "a"), 20);
        h.complete(1, OpType.OK, "cas", cas("k", Value.NIL, "b"), 22);
        CheckResult r = S3Checks.linearizable(h.build());
        assertEquals(Outcome.INVALID, r.outcome(), r.detail());
    }

    /** The same race with the second refused (409): one winner, and reads see it. */
    @Test
    void oneWinnerAndARefusalAreLinearizable() {
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(0, "cas", cas("k", Value.NIL, "a"), 10);
        h.invoke(1, "cas", cas("k", Value.NIL, "b"), 12);
        h.complete(0, OpType.OK, "cas", cas("k", Value.NIL, "a"), 20);
        h.complete(1, OpType.FAIL, "cas", cas("k", Value.NIL, "b"), 22);
        op(h, 1, "get", kv("k", Value.of("a")), OpType.OK, 30, 40);
        op(h, 0, "cas", cas("k", Value.of("a"), "c"), OpType.OK, 50, 60);
        op(h, 1, "get", kv("k", Value.of("c")), OpType.OK, 70, 80);
        CheckResult r = S3Checks.linearizable(h.build());
        assertEquals(Outcome.VALID, r.outcome(), r.detail());
    }

    /** A PUT the conditional write did not see, overlapping it, must be ordered after it, not between. */
    @Test
    void aConditionalPutWinningOverAnOverlappingPutItDidNotSeeIsNotLinearizable() {
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(0, "cas", cas("k", Value.NIL, "a"), 10);
        h.invoke(1, "put", kv("k", Value.of("b")), 11);
        h.complete(0, OpType.OK, "cas", cas("k", Value.NIL, "a"), 20);
        h.complete(1, OpType.OK, "put", kv("k", Value.of("b")), 21);
        op(h, 1, "get", kv("k", Value.of("a")), OpType.OK, 30, 40);
        CheckResult r = S3Checks.linearizable(h.build());
        assertEquals(Outcome.INVALID, r.outcome(), r.detail());
    }

    @Test
    void readsOfAConditionallyWrittenValueAreOfWrittenValues() {
        HistoryBuilder h = new HistoryBuilder();
        op(h, 0, "cas", cas("k", Value.NIL, "a"), OpType.OK, 10, 20);
        op(h, 1, "get", kv("k", Value.of("a")), OpType.OK, 30, 40);
        assertEquals(Outcome.VALID, S3Checks.readsReturnWrittenValues(h.build()).outcome());
        op(h, 1, "get", kv("k", Value.of("z")), OpType.OK, 50, 60);
        assertEquals(Outcome.INVALID, S3Checks.readsReturnWrittenValues(h.build()).outcome());
    }

    /** A LIST after a completed conditional put must show the key; after a refused one it need not. */
    @Test
    void listsSeeCompletedConditionalPutsOnly() {
        HistoryBuilder ok = new HistoryBuilder();
        op(ok, 0, "cas", cas("k", Value.NIL, "a"), OpType.OK, 10, 20);
        list(ok, 1, 30, 40);
        assertEquals(Outcome.INVALID, S3Checks.listSeesCompletedWrites(ok.build()).outcome());
        HistoryBuilder refused = new HistoryBuilder();
        op(refused, 0, "cas", cas("k", Value.NIL, "a"), OpType.FAIL, 10, 20);
        list(refused, 1, 30, 40);
        assertEquals(Outcome.VALID, S3Checks.listSeesCompletedWrites(refused.build()).outcome());
    }

    private static void list(HistoryBuilder h, int p, long from, long to, String... keys) {
        h.invoke(p, "list", kv("", Value.NIL), from);
        h.complete(p, OpType.OK, "list", kv("", Value.vec(Arrays.stream(keys).map(Value::of).toList())), to);
    }
}
