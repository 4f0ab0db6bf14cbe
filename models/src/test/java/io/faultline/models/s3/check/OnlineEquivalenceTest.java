package io.faultline.models.s3.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.OpType;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
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
