package io.faultline.models.kafka.scenario;

import io.faultline.checker.Outcome;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.KafkaLogChecker;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The historical cases reproduce with the release that had the bug and not with the one that fixed
 * it (FIDELITY C3, C4, C5.2-C5.4, C9), and the safe configuration loses nothing.
 */
class KafkaScenariosTest {

    static RunResult run(Scenario s, long seed, String... settings) {
        RunResult r = s.run(s.spec(seed, List.of(settings), Optional.empty()));
        System.out.println(s.name() + " seed " + seed + " " + List.of(settings) + ": " + r.outcome() + " " + r.checks());
        return r;
    }

    static LogCheckResult anomalies(RunResult r) {
        return new KafkaLogChecker().check(r.history());
    }

    private static CheckResult check(RunResult r, String prefix) {
        return r.checks().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void kip101Scenario1LosesTheAcknowledgedWriteWith010AndNotWith011() {
        RunResult old = run(Kip101Scenario1.SCENARIO, 1, "kafka.version=0.10");
        assertEquals(Outcome.INVALID, old.outcome());
        assertFalse(anomalies(old).of(AnomalyType.LOST_WRITE).isEmpty(), "m2 (and any record above the checkpointed HW) is lost (C5.2)");
        RunResult fixed = run(Kip101Scenario1.SCENARIO, 1, "kafka.version=0.11");
        assertEquals(Outcome.VALID, fixed.outcome());
    }

    @Test
    void kip101Scenario2DivergesWith010AndNotWith011() {
        RunResult old = run(Kip101Scenario2.SCENARIO, 1, "kafka.version=0.10");
        assertEquals(Outcome.INVALID, old.outcome());
        assertFalse(anomalies(old).of(AnomalyType.INCONSISTENT_OFFSETS).isEmpty(), "consumers disagree on an offset");
        assertEquals(Outcome.VALID, run(Kip101Scenario2.SCENARIO, 1, "kafka.version=0.11").outcome());
    }

    @Test
    void kip279DivergesWith011AndNotWith20() {
        RunResult old = run(Kip279Scenario.SCENARIO, 1, "kafka.version=0.11");
        assertEquals(Outcome.INVALID, check(old, "replica logs do not diverge").outcome());
        RunResult fixed = run(Kip279Scenario.SCENARIO, 1, "kafka.version=2.0");
        assertEquals(Outcome.VALID, fixed.outcome());
    }

    @Test
    void acksOneLosesWritesOnFailoverAndAcksAllDoesNot() {
        RunResult one = run(AcksOneFailoverScenario.SCENARIO, 1);
        assertFalse(anomalies(one).of(AnomalyType.LOST_WRITE).isEmpty());
        assertEquals(Outcome.VALID, run(AcksOneFailoverScenario.SCENARIO, 1, "acks=all").outcome());
    }

    @Test
    void aConsumerBehindRetentionSkipsRecordsAndTheDefaultRetentionDoesNot() {
        RunResult skip = run(RetentionResetScenario.SCENARIO, 1);
        assertEquals(Outcome.INVALID, skip.outcome());
        assertFalse(anomalies(skip).of(AnomalyType.POLL_SKIP).isEmpty(), "C8.3: earliest jumps over the deleted records");
        assertEquals(Outcome.VALID, run(RetentionResetScenario.SCENARIO, 1, "retention.ms=version").outcome());
        RunResult none = run(RetentionResetScenario.SCENARIO, 1, "auto.offset.reset=none");
        assertTrue(anomalies(none).of(AnomalyType.POLL_SKIP).isEmpty(), "none fails the poll instead of skipping");
        assertTrue(none.history().ops().stream().anyMatch(op -> op.value().toString().contains("offset-out-of-range")));
    }

    @Test
    void uncleanElectionLosesWritesAndCleanOnlyWaits() {
        RunResult unclean = run(UncleanElectionScenario.SCENARIO, 1);
        assertFalse(anomalies(unclean).of(AnomalyType.LOST_WRITE).isEmpty());
        assertTrue(unclean.tables().toString().contains("UNCLEAN election"));
        RunResult clean = run(UncleanElectionScenario.SCENARIO, 1, "unclean.leader.election.enable=false");
        assertEquals(Outcome.VALID, clean.outcome());
        assertTrue(clean.tables().toString().contains("partition offline"));
    }

    @Test
    void jepsen2013LosesAcknowledgedWritesOnEverySeed() {
        for (long seed = 1; seed <= 3; seed++) {
            assertFalse(anomalies(run(Jepsen2013Scenario.SCENARIO, seed)).of(AnomalyType.LOST_WRITE).isEmpty(), "seed " + seed);
        }
    }

    @Test
    void jepsen2013WithMinInsyncReplicas2LosesNoWriteButTheOldLeaderStillDiverges() {
        // Seed 13's consumer reads records the isolated leader appended and then refused with
        // NOT_ENOUGH_REPLICAS_AFTER_APPEND: indefinite (:info), so reading them is no aborted read.
        RunResult r = run(Jepsen2013Scenario.SCENARIO, 13, "min.insync.replicas=2");
        LogCheckResult a = anomalies(r);
        assertTrue(a.of(AnomalyType.LOST_WRITE).isEmpty(), "no acknowledged write lost: " + a.summary());
        assertTrue(a.of(AnomalyType.G1A).isEmpty(), "a record refused after its append may exist: " + a.summary());
        assertEquals(Outcome.INVALID, check(r, "replica logs do not diverge").outcome(), "0.8 keeps the divergent prefix (C5.1)");
    }

    @Test
    void jepsen2013PassesWithTodaysDefaults() {
        assertEquals(Outcome.VALID, run(Jepsen2013Scenario.SCENARIO, 1, "kafka.version=3.7").outcome());
    }

    @Test
    void aLostDiskOnTheLastIsrMemberLosesAcknowledgedWritesAtMinInsyncReplicas2() {
        // Seed 14: the leader's followers drop out of the ISR, its machine is replaced, and the
        // controller elects it again, empty (C3.1, "last replica standing").
        RunResult lost = run(SafeScenario.SCENARIO, 14, "faults.disk-loss=true");
        assertEquals(Outcome.INVALID, check(lost, "invariant an acknowledged write").outcome());
        assertEquals(Outcome.VALID, run(SafeScenario.SCENARIO, 14).outcome(), "the same seed without the lost disk");
    }

    @Test
    void theSafeConfigurationHasNoForbiddenAnomaly() {
        for (long seed = 1; seed <= 5; seed++) {
            RunResult r = run(SafeScenario.SCENARIO, seed);
            assertEquals(Outcome.VALID, r.outcome(), "seed " + seed + ": " + r.checks());
        }
    }
}
