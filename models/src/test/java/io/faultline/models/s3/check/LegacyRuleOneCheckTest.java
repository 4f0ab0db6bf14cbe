package io.faultline.models.s3.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.CheckResult;
import org.junit.jupiter.api.Test;

/** The rule-1 check of legacy S3 (FIDELITY A1.2): read-after-write for new keys, except after a 404. */
class LegacyRuleOneCheckTest {

    private static void put(HistoryBuilder h, int p, String key, String v, long from, long to) {
        h.invoke(p, "put", Value.vec(Value.of(key), Value.of(v)), from);
        h.complete(p, OpType.OK, "put", Value.vec(Value.of(key), Value.of(v)), to);
    }

    private static void get(HistoryBuilder h, int p, String key, Value got, long from, long to) {
        h.invoke(p, "get", Value.vec(Value.of(key), Value.NIL), from);
        h.complete(p, OpType.OK, "get", Value.vec(Value.of(key), got), to);
    }

    @Test
    void a404AfterTheFirstPutOfANewKeyBreaksRuleOne() {
        HistoryBuilder h = new HistoryBuilder();
        put(h, 0, "k", "v1", 10, 20);
        get(h, 0, "k", Value.of("v1"), 30, 40);
        get(h, 0, "k", Value.NIL, 50, 60);
        CheckResult r = S3Checks.newKeysReadAfterWrite(h.build());
        assertEquals(Outcome.INVALID, r.outcome(), r.detail());
        assertTrue(r.detail().contains("GET k at 50ns answered 404"), r.detail());
    }

    @Test
    void aGetOfTheMissingKeyFirstExcusesLater404s() {
        HistoryBuilder h = new HistoryBuilder();
        get(h, 0, "k", Value.NIL, 1, 5);
        put(h, 0, "k", "v1", 10, 20);
        get(h, 0, "k", Value.NIL, 30, 40);
        CheckResult r = S3Checks.newKeysReadAfterWrite(h.build());
        assertEquals(Outcome.VALID, r.outcome(), r.detail());
        assertEquals("0 reads of 0 new keys checked", r.detail());
    }

    @Test
    void everyGetAfterThePutCounts() {
        HistoryBuilder h = new HistoryBuilder();
        put(h, 0, "k", "v1", 10, 20);
        get(h, 0, "k", Value.of("v1"), 30, 40);
        get(h, 1, "k", Value.of("v1"), 35, 45);
        get(h, 2, "k", Value.of("v1"), 15, 25); // began before the PUT completed: not bound by rule 1
        CheckResult r = S3Checks.newKeysReadAfterWrite(h.build());
        assertEquals("2 reads of 1 new keys checked", r.detail());
    }
    /** Seed 21 of s3/legacy-stale-read: a GET overlapping the first PUT answered 404, so later 404s are the caveat. */
    @Test
    void a404FromAGetOverlappingTheFirstPutExcusesLater404s() {
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(0, "put", Value.vec(Value.of("k"), Value.of("v1")), 4_480_000);
        get(h, 1, "k", Value.NIL, 7_040_000, 15_640_000);
        h.complete(0, OpType.OK, "put", Value.vec(Value.of("k"), Value.of("v1")), 13_280_000);
        get(h, 1, "k", Value.NIL, 29_000_000, 30_000_000);
        CheckResult r = S3Checks.newKeysReadAfterWrite(h.build());
        assertEquals(Outcome.VALID, r.outcome(), r.detail());
    }

    /** The same overlap, but the overlapping GET found the object: no 404 was cached, a later 404 breaks rule 1. */
    @Test
    void aGetOverlappingTheFirstPutThatFoundItExcusesNothing() {
        HistoryBuilder h = new HistoryBuilder();
        h.invoke(0, "put", Value.vec(Value.of("k"), Value.of("v1")), 4_480_000);
        get(h, 1, "k", Value.of("v1"), 7_040_000, 15_640_000);
        h.complete(0, OpType.OK, "put", Value.vec(Value.of("k"), Value.of("v1")), 13_280_000);
        get(h, 1, "k", Value.NIL, 29_000_000, 30_000_000);
        CheckResult r = S3Checks.newKeysReadAfterWrite(h.build());
        assertEquals(Outcome.INVALID, r.outcome(), r.detail());
    }

    /** A GET that began only after the PUT completed answered 404: that is the violation, not an excuse. */
    @Test
    void a404AfterThePutCompletedIsNoExcuseForItself() {
        HistoryBuilder h = new HistoryBuilder();
        put(h, 0, "k", "v1", 10, 20);
        get(h, 1, "k", Value.NIL, 21, 30);
        get(h, 1, "k", Value.NIL, 40, 50);
        CheckResult r = S3Checks.newKeysReadAfterWrite(h.build());
        assertEquals(Outcome.INVALID, r.outcome(), r.detail());
        assertTrue(r.detail().contains("GET k at 21ns answered 404"), r.detail());
    }
}
