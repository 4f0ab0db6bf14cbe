package io.faultline.models.s3.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OnlineCheck;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

// TEMPORARY (issue 18): the online S3 checks and the per-key linearizability read-back against the
// offline code they replace, on the catalog's s3 scenarios and the buggy configurations.
class OnlineEquivalenceTest {
    private static final int SEEDS = Integer.getInteger("faultline.equivalence.seeds", 30);

    private static final List<List<String>> RUNS = List.of(
            List.of("s3/strong"), List.of("s3/strong", "s3.read-quorum=1"), List.of("s3/strong", "s3.write-quorum=1"),
            List.of("s3/strong", "s3.read-repair=false"), List.of("s3/strong", "s3.stamp-after-read=false"),
            List.of("s3/strong", "s3.recovery-sync=false"), List.of("s3/strong", "s3.write-lease=false"),
            List.of("s3/strong", "s3.consistency=legacy"),
            List.of("s3/legacy-stale-read"), List.of("s3/legacy-negative-cache"), List.of("s3/legacy-list-lag"),
            List.of("s3/legacy-stale-read", "s3.consistency=strong"));

    @Test
    void onlineChecksAnswerWhatTheOfflineOnesDid() {
        Map<String, Integer> invalid = new TreeMap<>();
        int compared = 0;
        for (List<String> run : RUNS) {
            Scenario s = Scenarios.get(run.get(0));
            for (long seed = 0; seed < SEEDS; seed++) {
                String what = run + " seed " + seed;
                RunResult r = s.run(s.spec(seed, run.subList(1, run.size()), Optional.empty()));
                History h = r.history();
                for (CheckResult expected : offline(run.get(0), h)) {
                    CheckResult actual = r.checks().stream().filter(c -> c.name().equals(expected.name())).findFirst()
                            .orElseThrow(() -> new AssertionError(what + ": no check " + expected.name()));
                    assertEquals(expected, actual, what);
                    compared++;
                    if (actual.outcome() == Outcome.INVALID) {
                        invalid.merge(run + " " + actual.name(), 1, Integer::sum);
                    }
                }
                assertEquals(anomalies(h), r.tables().get(0), what);
            }
        }
        System.out.println("[online-equivalence] " + SEEDS + " seeds per run, " + compared
                + " check results identical; INVALID: " + invalid);
    }

    /** Kind (0 put, 1 cas, 2 get, 3 delete, 4 list), key, start, length, outcome (ok, fail, info, none), what a GET or LIST saw. */
    private static final Gen<List<List<Integer>>> OPS = Gen.listOf(Gen.sequence(List.of(Gen.integers(0, 4),
            Gen.integers(0, 2), Gen.integers(0, 40), Gen.integers(1, 20), Gen.integers(0, 3), Gen.integers(0, 7))), 1, 30);
    private static final List<String> KEYS = List.of("a", "ab", "b");

    private record Event(long time, int order, Runnable add) {
    }

    /** Generated histories: overlapping operations with every outcome, GETs of written, unwritten and no values. */
    private static History history(List<List<Integer>> ops) {
        HistoryBuilder h = new HistoryBuilder();
        List<Event> events = new ArrayList<>();
        for (int p = 0; p < ops.size(); p++) {
            List<Integer> o = ops.get(p);
            int process = p;
            long start = o.get(2);
            long end = start + o.get(3);
            String f = List.of("put", "cas", "get", "delete", "list").get(o.get(0));
            String key = f.equals("list") ? KEYS.get(o.get(1)).substring(0, 1) : KEYS.get(o.get(1));
            Value arg = switch (f) {
                case "put" -> Value.of("v" + p);
                case "cas" -> Value.vec(Value.NIL, Value.of("v" + p));
                default -> Value.NIL;
            };
            Value seen = switch (f) {
                case "get" -> o.get(5) < 3 ? Value.NIL : Value.of("v" + (o.get(5) == 7 ? 99 : (p + o.get(5)) % ops.size()));
                case "list" -> {
                    List<Value> shown = new ArrayList<>();
                    for (int k = 0; k < KEYS.size(); k++) {
                        if ((o.get(5) & (1 << k)) != 0 && KEYS.get(k).startsWith(key)) {
                            shown.add(Value.of(KEYS.get(k)));
                        }
                    }
                    yield Value.vec(shown);
                }
                default -> arg;
            };
            int outcome = o.get(4);
            events.add(new Event(start, 2 * p, () -> h.invoke(process, f, Value.vec(Value.of(key), arg), start)));
            if (outcome < 3) {
                OpType type = List.of(OpType.OK, OpType.FAIL, OpType.INFO).get(outcome);
                events.add(new Event(end, 2 * p + 1, () -> h.complete(process, type, f, Value.vec(Value.of(key), seen), end)));
            }
        }
        events.sort(Comparator.comparingLong(Event::time).thenComparingInt(Event::order));
        events.forEach(e -> e.add().run());
        return h.build();
    }

    @Test
    void onlineRulesAnswerWhatTheOfflineOnesDidOnGeneratedHistories() {
        int[] invalid = new int[3];
        Property.forAll(OPS).named("s3-online-equivalence").tries(3000).verify(ops -> {
            History h = history(ops);
            List<CheckResult> expected = List.of(OldS3Checks.listSeesCompletedWrites(h),
                    OldS3Checks.readsReturnWrittenValues(h), OldS3Checks.newKeysReadAfterWrite(h));
            List<CheckResult> actual = List.of(S3Checks.listSeesCompletedWrites(h),
                    S3Checks.readsReturnWrittenValues(h), S3Checks.newKeysReadAfterWrite(h));
            assertEquals(expected, actual, "ops " + ops);
            assertEquals(anomalies(h), OnlineCheck.over(h, S3Checks.clientCounts()), "ops " + ops);
            for (int i = 0; i < 3; i++) {
                invalid[i] += actual.get(i).outcome() == Outcome.INVALID ? 1 : 0;
            }
        });
        System.out.println("[online-equivalence] generated histories INVALID (lists, reads, new keys): "
                + java.util.Arrays.toString(invalid));
    }

    private static List<CheckResult> offline(String scenario, History h) {
        List<CheckResult> out = new ArrayList<>();
        if (scenario.equals("s3/strong")) {
            out.add(OldS3Checks.linearizable(h));
            out.add(OldS3Checks.listSeesCompletedWrites(h));
            out.add(OldS3Checks.readsReturnWrittenValues(h));
        } else if (scenario.equals("s3/legacy-list-lag")) {
            out.add(OldS3Checks.listSeesCompletedWrites(h));
        } else {
            out.add(OldS3Checks.linearizable(h));
            out.add(OldS3Checks.readsReturnWrittenValues(h));
            out.add(OldS3Checks.newKeysReadAfterWrite(h));
        }
        return out;
    }

    /** LegacyScenarios.anomalies as it was. */
    private static Table anomalies(History h) {
        List<OldS3Checks.Done> all = OldS3Checks.pairs(h);
        int gets = 0;
        int puts = 0;
        int lists = 0;
        int notFoundAfterPut = 0;
        for (OldS3Checks.Done d : all) {
            if (d.type() != OpType.OK) {
                continue;
            }
            if (d.f().equals("get")) {
                gets++;
                if (d.value().isNil() && all.stream().anyMatch(p -> p.f().equals("put") && p.type() == OpType.OK
                        && p.key().equals(d.key()) && p.completed() < d.invoked())) {
                    notFoundAfterPut++;
                }
            } else if (d.f().equals("put")) {
                puts++;
            } else if (d.f().equals("list")) {
                lists++;
            }
        }
        return new Table("what clients saw", List.of("ok GETs", "ok PUTs", "ok LISTs", "GETs answering 404 after a PUT completed"),
                List.of(List.of(String.valueOf(gets), String.valueOf(puts), String.valueOf(lists),
                        String.valueOf(notFoundAfterPut))));
    }
}
