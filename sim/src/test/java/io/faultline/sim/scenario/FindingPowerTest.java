package io.faultline.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.FindingPower.SeedOutcome;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FindingPowerTest {
    private static final Weakening UNSAFE = new Weakening("t/safe", List.of("acks=1"),
            new Weakening.Finds(List.of("lost-write")), "FIDELITY C3");
    private static final Weakening SAFE = new Weakening("t/safe", List.of(),
            new Weakening.Holds("the safe configuration"), "FIDELITY F7");

    private static SeedOutcome ok() {
        return new SeedOutcome(Outcome.VALID, List.of());
    }

    private static SeedOutcome bad(String... kinds) {
        return new SeedOutcome(Outcome.INVALID, List.of(kinds));
    }

    @Test
    void searchesRestartAfterEachFailureAndTheTailIsNotASample() {
        // seeds 10..19: failures at 12, 13 and 17; the last two seeds find nothing
        List<SeedOutcome> runs = List.of(ok(), ok(), bad("lost-write"), bad("duplicate"), ok(), ok(), ok(),
                bad("lost-write", "duplicate"), ok(), ok());
        FindingPower p = FindingPower.of(UNSAFE, 10, runs);
        assertEquals(List.of(12L, 13L, 17L), p.failingSeeds());
        assertEquals(List.of(3, 1, 4), p.searches());
        assertEquals(2, p.unfinishedTail());
        assertEquals(Optional.of(3), p.medianSeedsToFailure());
        assertEquals(Optional.of(4), p.maxSeedsToFailure());
        assertEquals(2, p.anomalyCounts().get("lost-write"));
        assertEquals(2, p.anomalyCounts().get("duplicate"));
        assertTrue(p.asExpected());
    }

    @Test
    void aLongUnfinishedTailRaisesTheMaximum() {
        List<SeedOutcome> runs = List.of(bad("lost-write"), ok(), ok(), ok(), ok(), ok());
        FindingPower p = FindingPower.of(UNSAFE, 0, runs);
        assertEquals(Optional.of(1), p.medianSeedsToFailure());
        assertEquals(Optional.of(5), p.maxSeedsToFailure());
    }

    @Test
    void anUnsafeRowFoundOnlyWithAnotherAnomalyIsNotAsExpected() {
        FindingPower p = FindingPower.of(UNSAFE, 0, List.of(bad("duplicate"), ok()));
        assertEquals(1, p.failing());
        assertFalse(p.asExpected());
    }

    @Test
    void aSafeRowIsAsExpectedOnlyWithNoFailure() {
        assertTrue(FindingPower.of(SAFE, 0, List.of(ok(), ok())).asExpected());
        assertEquals(Optional.empty(), FindingPower.of(SAFE, 0, List.of(ok(), ok())).medianSeedsToFailure());
        assertFalse(FindingPower.of(SAFE, 0, List.of(ok(), bad("lost-write"))).asExpected());
    }

    @Test
    void unknownSeedsAreNeitherFindingsNorPasses() {
        FindingPower p = FindingPower.of(SAFE, 5, List.of(ok(), new SeedOutcome(Outcome.UNKNOWN, List.of())));
        assertEquals(List.of(6L), p.unknownSeeds());
        assertEquals(0, p.failing());
    }

    @Test
    void aCheckWithoutKindsStandsForItselfAndOnlyWhenInvalid() {
        assertEquals(List.of("linearizable"), CheckResult.invalid("linearizable", "x").anomalyKinds());
        assertEquals(List.of("duplicate", "lost-write"),
                CheckResult.invalid("log", "x", List.of("lost-write", "duplicate", "lost-write")).anomalyKinds());
        assertEquals(List.of(), CheckResult.valid("log", "fine").anomalyKinds());
    }

    @Test
    void anUnsafeRowMustNameItsAnomaly() {
        assertThrows(IllegalArgumentException.class, () -> new Weakening.Finds(List.of()));
    }

    @Test
    void theLabelIsTheSweepArguments() {
        assertEquals("t/safe --set acks=1", UNSAFE.label());
    }

    @Test
    void aKnownGapIsAsExpectedOnlyWhileItIsStillNotFound() {
        Weakening gap = new Weakening("t/safe", List.of("x=1"),
                new Weakening.Missed(List.of("lost-write"), "no fault loses a disk"), "FIDELITY C3");
        assertTrue(FindingPower.of(gap, 0, List.of(ok(), ok())).asExpected());
        assertFalse(FindingPower.of(gap, 0, List.of(ok(), bad("lost-write"))).asExpected());
    }
}
