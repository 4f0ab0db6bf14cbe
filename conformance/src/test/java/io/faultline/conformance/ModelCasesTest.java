package io.faultline.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the model predicts for each case, without a real cluster (fast): the predictions the
 * conformance tests then hold the real cluster to, and that one seed gives one outcome.
 */
class ModelCasesTest {
    private static CaseOutcome run(Workload w) {
        return Conformance.model(w);
    }

    @Test
    void sameSeedSameOutcome() {
        for (Workload w : List.of(Cases.isrShrink(3000), Cases.acksOneFailover(10_000))) {
            assertEquals(run(w), run(w), w.topic());
        }
    }

    @Test
    void noFaultsAcknowledgesEveryRecordInOrderAndReadsThemBelowTheHw() {
        CaseOutcome o = run(Cases.noFaults(3000));
        assertEquals(20, o.acked().size());
        long expected = 0;
        for (long offset : o.acked().values()) {
            assertEquals(expected++, offset);
        }
        assertEquals(20, o.reads().size());
        assertTrue(o.readsBoundedByHw());
        assertEquals("VALID", o.verdict());
    }

    @Test
    void isrShrinkRefusesAcksAllWithNotEnoughReplicas() {
        CaseOutcome o = run(Cases.isrShrink(3000));
        assertEquals(List.of(1, 3), o.isr().stream().map(s -> s.isr().size()).toList());
        assertEquals(List.of("ok NONE", "ok NONE", "ok NONE", "ok NONE", "ok NONE", "info REQUEST_TIMED_OUT",
                "fail NOT_ENOUGH_REPLICAS"), o.sends().stream().map(s -> s.type() + " " + s.error()).toList());
        assertEquals("VALID", o.verdict());
    }

    @Test
    void safeRestartLosesNothing() {
        CaseOutcome o = run(Cases.safeRestart(3000));
        assertEquals(30, o.acked().size());
        assertEquals(List.of(), o.lostAcked());
        assertEquals("VALID", o.verdict());
    }

    @Test
    void acksOneFailoverLosesTheWritesOnlyTheOldLeaderHad() {
        CaseOutcome o = run(Cases.acksOneFailover(10_000));
        // Values 6-10 were acknowledged by the old leader alone while its followers were stalled.
        assertEquals(List.of(6L, 7L, 8L, 9L, 10L), o.lostAcked());
        assertEquals("INVALID", o.verdict());
        assertTrue(o.anomalies().containsKey("lost-write"), o.anomalies().toString());
        assertFalse(o.reads().stream().anyMatch(r -> r.value() >= 6 && r.value() <= 10));
    }
}
