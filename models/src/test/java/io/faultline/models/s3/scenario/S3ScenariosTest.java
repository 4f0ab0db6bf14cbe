package io.faultline.models.s3.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The s3/... scenarios show what FIDELITY A1 says: legacy anomalies, and none under strong. */
class S3ScenariosTest {

    private static RunResult run(String name, long seed, String... overrides) {
        Scenario s = Scenarios.get(name);
        System.out.println("[s3] running " + name + " seed " + seed + " " + List.of(overrides));
        return s.run(s.spec(seed, List.of(overrides), Optional.empty()));
    }

    private static CheckResult check(RunResult r, String prefix) {
        return r.checks().stream().filter(c -> c.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + prefix + " in " + r.checks()));
    }

    private static void legacyPromisesHold(RunResult r) {
        assertEquals(Outcome.VALID, check(r, "reads return written").outcome(), r.checks().toString());
        assertEquals(Outcome.VALID, check(r, "new keys").outcome(), r.checks().toString());
        convergence(r);
    }

    private static void convergence(RunResult r) {
        assertEquals(Outcome.VALID, check(r, "replicas converge").outcome(), r.checks().toString());
    }

    @Test
    void catalogListsTheS3Scenarios() {
        for (String n : List.of("s3/legacy-stale-read", "s3/legacy-negative-cache", "s3/legacy-list-lag", "s3/strong",
                "s3/hot-prefix", "s3/multipart-crash")) {
            assertTrue(Scenarios.find(n).isPresent(), n);
        }
    }

    @Test
    void legacyOverwritesGiveStaleReadsSeed0IsNotLinearizable_A1_2_rule2() {
        // Seed 0 is the first of the first ten seeds that is INVALID (so are 1 and 2).
        RunResult r = run("s3/legacy-stale-read", 0);
        assertEquals(Outcome.INVALID, check(r, "linearizable").outcome(), r.checks().toString());
        legacyPromisesHold(r);
    }

    @Test
    void legacyNegativeCacheAnswers404AfterThePut_A1_2_rule1() {
        RunResult r = run("s3/legacy-negative-cache", 0);
        assertEquals(Outcome.INVALID, check(r, "linearizable").outcome(), r.checks().toString());
        assertTrue(check(r, "linearizable").detail().contains("returned 404"), r.checks().toString());
        int stale404 = Integer.parseInt(r.tables().get(0).rows().get(0).get(3));
        assertTrue(stale404 > 0, "404s after a completed PUT: " + stale404);
        legacyPromisesHold(r);
        // The control keys (PUT without a GET first) are what rule 1 is checked on: not vacuous.
        String detail = check(r, "new keys").detail();
        assertTrue(Integer.parseInt(detail.substring(0, detail.indexOf(' '))) > 0, detail);
    }

    @Test
    void legacyListMissesKeysWhosePutCompleted_A1_2_rule2() {
        RunResult r = run("s3/legacy-list-lag", 0);
        assertEquals(Outcome.INVALID, check(r, "LIST sees").outcome(), r.checks().toString());
        convergence(r);
    }

    @Test
    void theSameWorkloadsUnderStrongAreLinearizableAndListsComplete_A1_3() {
        for (String name : List.of("s3/legacy-stale-read", "s3/legacy-negative-cache", "s3/legacy-list-lag")) {
            RunResult r = run(name, 0, "s3.consistency=strong");
            assertEquals(Outcome.VALID, r.outcome(), name + " " + r.checks());
        }
    }

    @Test
    void strongWithPartitionsAndCrashesIsLinearizableWithCompleteLists_A1_3() {
        for (long seed = 0; seed < 5; seed++) {
            RunResult r = run("s3/strong", seed);
            assertEquals(Outcome.VALID, r.outcome(), "seed " + seed + " " + r.checks());
            // Episodes last up to 3x the longest timeout, so a run may hold a single one (then the heal).
            assertTrue(r.faults().stream().anyMatch(f -> !f.description().startsWith("heal")),
                    "faults were injected: " + r.faults());
        }
    }

    @Test
    void theStrongWorkloadUnderLegacyIsNotLinearizable_A1_2() {
        RunResult r = run("s3/strong", 0, "s3.consistency=legacy", "faults=false");
        assertEquals(Outcome.INVALID, r.outcome(), r.checks().toString());
    }

    @Test
    void hashedPrefixesSplitAndOutrunOneHotPrefix_A15() {
        RunResult r = run("s3/hot-prefix", 0);
        assertEquals(Outcome.VALID, r.outcome(), r.checks().toString());
        assertEquals(4, r.series().size());
        List<List<String>> rows = r.tables().get(0).rows();
        long hotSlowDowns = Long.parseLong(rows.get(0).get(2));
        long hashedPartitions = Long.parseLong(rows.get(1).get(4));
        assertTrue(hotSlowDowns > 0, "the hot prefix is throttled: " + rows);
        assertTrue(hashedPartitions >= 2, "the hashed bucket's partition split: " + rows);
    }

    @Test
    void crashedMultipartUploadStaysListedUntilAborted_A3_2_A3_3() {
        RunResult r = run("s3/multipart-crash", 0);
        assertEquals(Outcome.VALID, r.outcome(), r.checks().toString());
        assertEquals(1, r.faults().size(), "the uploader crashed: " + r.faults());
    }

    @Test
    void sameSeedSameTrace() {
        for (String name : List.of("s3/legacy-stale-read", "s3/strong")) {
            assertEquals(run(name, 3).traceHash(), run(name, 3).traceHash(), name);
        }
    }
}
