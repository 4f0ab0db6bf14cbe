package io.faultline.models.s3.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.history.History;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import io.faultline.sim.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The LIST check, judging LISTs as the history is recorded ({@link KeyWrites}), gives the verdict
 * and the message of the direct one (every LIST against every pair of writes of the whole history),
 * on generated histories of overlapping PUTs, DELETEs and LISTs that succeed, fail or end unknown.
 */
class ListCheckPropertyTest {
    private static final List<String> KEYS = List.of("a", "ab", "b");
    private static final List<String> PREFIXES = List.of("", "a", "ab");

    /** One operation: kind (0-1 put, 2 delete, 3-4 list), key or prefix, start, length, outcome, keys a LIST shows. */
    private static final Gen<List<List<Integer>>> OPS = Gen.listOf(Gen.sequence(List.of(Gen.integers(0, 4),
            Gen.integers(0, 2), Gen.integers(0, 60), Gen.integers(1, 30), Gen.integers(0, 2), Gen.integers(0, 7))), 1, 25);

    private static Value kv(String k, Value v) {
        return Value.vec(Value.of(k), v);
    }

    private static History history(List<List<Integer>> ops) {
        TimedOps timed = new TimedOps();
        for (int p = 0; p < ops.size(); p++) {
            List<Integer> o = ops.get(p);
            long start = o.get(2);
            long end = start + o.get(3);
            boolean list = o.get(0) >= 3;
            String f = list ? "list" : o.get(0) == 2 ? "delete" : "put";
            String key = list ? PREFIXES.get(o.get(1)) : KEYS.get(o.get(1));
            Value v = f.equals("put") ? Value.of("v" + p) : Value.NIL;
            OpType outcome = list ? OpType.OK : List.of(OpType.OK, OpType.FAIL, OpType.INFO).get(o.get(4));
            Value done = v;
            if (list) {
                List<Value> shown = new ArrayList<>();
                for (int k = 0; k < KEYS.size(); k++) {
                    if ((o.get(5) & (1 << k)) != 0 && KEYS.get(k).startsWith(key)) {
                        shown.add(Value.of(KEYS.get(k)));
                    }
                }
                done = Value.vec(shown);
            }
            timed.add(p, f, kv(key, v), start, outcome, kv(key, done), end);
        }
        return timed.build();
    }

    @Test
    void theIndexedCheckAgreesWithTheDirectOne() {
        Property.forAll(OPS).named("s3-list-check-indexed").tries(2000).verify(ops -> {
            History h = history(ops);
            CheckResult r = S3Checks.listSeesCompletedWrites(h);
            CheckResult expected = direct(h);
            assertEquals(expected.outcome(), r.outcome(), "ops " + ops);
            assertEquals(expected.detail(), r.detail(), "ops " + ops);
        });
    }

    /** The check as it was: every LIST, every key under its prefix, every write against every other. */
    private static CheckResult direct(History h) {
        List<S3Checks.Done> all = S3Checks.pairs(h);
        int lists = 0;
        for (S3Checks.Done l : all) {
            if (!l.f().equals("list") || l.type() != OpType.OK) {
                continue;
            }
            lists++;
            TreeSet<String> listed = new TreeSet<>();
            for (Value k : ((Value.Vec) l.value()).items()) {
                listed.add(((Value.Str) k).value());
            }
            TreeMap<String, List<S3Checks.Done>> byKey = new TreeMap<>();
            for (S3Checks.Done d : all) {
                if (List.of("put", "cas", "delete").contains(d.f()) && d.key().startsWith(l.key())) {
                    byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d);
                }
            }
            for (var e : byKey.entrySet()) {
                Optional<String> broken = broken(e.getKey(), e.getValue(), l, listed.contains(e.getKey()));
                if (broken.isPresent()) {
                    return CheckResult.invalid("x", broken.get());
                }
            }
        }
        return CheckResult.valid("x", lists + " LISTs checked");
    }

    private static Optional<String> broken(String key, List<S3Checks.Done> writes, S3Checks.Done list, boolean listed) {
        for (S3Checks.Done w : writes) {
            if (w.type() != OpType.OK || w.completed() >= list.invoked()) {
                continue;
            }
            boolean later = false;
            for (S3Checks.Done o : writes) {
                if (o != w && o.type() != OpType.FAIL && o.invoked() < list.completed() && o.completed() > w.invoked()) {
                    later = true;
                    break;
                }
            }
            if (later) {
                continue;
            }
            if (w.f().equals("put") && !listed) {
                return Optional.of("LIST at " + io.faultline.sim.SimTime.format(list.invoked()) + " omits " + key
                        + ", whose PUT completed at " + io.faultline.sim.SimTime.format(w.completed()));
            }
            if (w.f().equals("delete") && listed) {
                return Optional.of("LIST at " + io.faultline.sim.SimTime.format(list.invoked()) + " shows " + key
                        + ", whose DELETE completed at " + io.faultline.sim.SimTime.format(w.completed()));
            }
        }
        return Optional.empty();
    }
}
