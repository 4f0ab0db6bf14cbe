package io.faultline.models.s3.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.history.History;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import io.faultline.sim.CheckResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The read rule, holding fingerprints of the (key, value) pairs put ({@link WrittenPairs}), gives
 * the verdict and the message of the direct rule (every ok GET against every PUT of the whole
 * history), on generated histories of overlapping PUTs and GETs whose keys and values are built to
 * look alike ({@code ("a", "bc")} and {@code ("ab", "c")}).
 */
class WrittenValuesPropertyTest {
    private static final List<String> KEYS = List.of("a", "ab", "b");
    private static final List<String> VALUES = List.of("bc", "c", "v1", "v10", "1", "");

    /** One operation: 0-1 put, 2-3 get; key; value; start; length; outcome. */
    private static final Gen<List<List<Integer>>> OPS = Gen.listOf(Gen.sequence(List.of(Gen.integers(0, 3),
            Gen.integers(0, 2), Gen.integers(0, 5), Gen.integers(0, 60), Gen.integers(1, 30), Gen.integers(0, 2))), 1, 25);

    private static History history(List<List<Integer>> ops) {
        TimedOps timed = new TimedOps();
        for (int p = 0; p < ops.size(); p++) {
            List<Integer> o = ops.get(p);
            boolean put = o.get(0) <= 1;
            String f = put ? "put" : "get";
            String key = KEYS.get(o.get(1));
            Value v = Value.of(VALUES.get(o.get(2)));
            long start = o.get(3);
            long end = start + o.get(4);
            OpType outcome = List.of(OpType.OK, OpType.FAIL, OpType.INFO).get(o.get(5));
            Value asked = Value.vec(Value.of(key), put ? v : Value.NIL);
            Value done = Value.vec(Value.of(key), v);
            timed.add(p, f, asked, start, outcome, done, end);
        }
        return timed.build();
    }

    @Test
    void theFingerprintedRuleAgreesWithTheDirectOne() {
        Property.forAll(OPS).named("s3-written-values").tries(2000).verify(ops -> {
            History h = history(ops);
            CheckResult r = S3Checks.readsReturnWrittenValues(h);
            CheckResult expected = direct(h);
            assertEquals(expected.outcome(), r.outcome(), "ops " + ops);
            assertEquals(expected.detail(), r.detail(), "ops " + ops);
        });
    }

    /** The rule as stated: an ok GET's value was put to its key by some PUT of the history. */
    private static CheckResult direct(History h) {
        List<S3Checks.Done> all = S3Checks.pairs(h);
        TreeSet<String> written = new TreeSet<>();
        for (S3Checks.Done d : all) {
            if (S3Checks.Done.isPut(d.f()) && d.value() instanceof Value.Str s) {
                written.add(d.key() + "\u0000" + s.value());
            }
        }
        List<S3Checks.Done> reads = new ArrayList<>(all.stream()
                .filter(d -> d.f().equals("get") && d.type() == OpType.OK && d.value() instanceof Value.Str).toList());
        reads.sort(Comparator.comparingLong(S3Checks.Done::completed).thenComparingInt(S3Checks.Done::process));
        for (S3Checks.Done d : reads) {
            String v = ((Value.Str) d.value()).value();
            if (!written.contains(d.key() + "\u0000" + v)) {
                return CheckResult.invalid(WrittenValues.NAME, "GET " + d.key() + " returned '" + v + "', never written");
            }
        }
        return CheckResult.valid(WrittenValues.NAME, reads.size() + " non-empty reads, all of written values");
    }

    @Test
    void holdsEveryPairItWasGivenAndNoOther() {
        WrittenPairs pairs = new WrittenPairs();
        for (int i = 0; i < 20_000; i += 2) {
            pairs.add("k" + (i % 100), "c" + i);
        }
        for (int i = 0; i < 20_000; i++) {
            boolean put = i % 2 == 0;
            assertEquals(put, pairs.contains("k" + (i % 100), "c" + i), "pair " + i);
            assertFalse(pairs.contains("k" + ((i + 1) % 100), "c" + i), "value under another key " + i);
        }
        pairs.add("ab", "c");
        assertTrue(pairs.contains("ab", "c"));
        assertFalse(pairs.contains("a", "bc"), "the key's end is part of the pair");
    }
}
