package io.faultline.models.s3.cold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FIDELITY A9.2 to A9.4: due times, precedence, the size floor. */
class LifecycleTimingTest {
    private static final long D = Simulation.DAYS;
    private static final long H = Simulation.HOURS;
    private static final long MB = 1L << 20;

    private static LifecycleEvaluator eval(boolean versioned, LifecycleRule... rules) {
        return new LifecycleEvaluator(List.of(rules), versioned, LifecycleEvaluator.SizeFloor.ALL_STORAGE_CLASSES_128K);
    }

    @Test
    void aRuleDueAt1300ActsAtTheNextMidnight() { // A9.4
        long created = 13 * H; // day 0, 13:00 UTC: 30 days later is day 30 13:00
        LifecycleEvaluator lc = eval(false, LifecycleRule.forPrefix("r", "").transition(30, StorageClass.STANDARD_IA));
        LifecycleObject o = LifecycleObject.current("k", MB, StorageClass.STANDARD, created);
        assertEquals(Optional.empty(), lc.due(o, 30 * D + 13 * H));
        assertEquals(Optional.empty(), lc.due(o, 31 * D - 1));
        LifecycleAction a = lc.due(o, 31 * D).orElseThrow();
        assertEquals(31 * D, a.dueNanos());
    }

    @Test
    void theDocumentedExampleRoundsUpToTheNextMidnight() { // A9.4: 10:30 + 3 days -> the 4th midnight
        assertEquals(4 * D, UtcTime.dueAfterDays(10 * H + 30 * Simulation.MINUTES, 3));
        assertEquals(3 * D, UtcTime.dueAfterDays(0, 3), "already at midnight");
    }

    @Test
    void glacierBeatsStandardIaWhenBothAreDue() { // A9.2 precedence 3
        LifecycleEvaluator lc = eval(false, LifecycleRule.forPrefix("ia", "").transition(30, StorageClass.STANDARD_IA),
                LifecycleRule.forPrefix("gl", "").transition(90, StorageClass.GLACIER));
        LifecycleObject o = LifecycleObject.current("k", MB, StorageClass.STANDARD, 0);
        assertEquals(StorageClass.STANDARD_IA, ((LifecycleAction.Transition) lc.due(o, 30 * D).orElseThrow()).target());
        assertEquals(StorageClass.GLACIER, ((LifecycleAction.Transition) lc.due(o, 95 * D).orElseThrow()).target());
    }

    @Test
    void permanentDeletionBeatsTransitionAndTransitionBeatsADeleteMarker() { // A9.2 precedence 1 and 2
        LifecycleRule move = LifecycleRule.forPrefix("move", "").transition(30, StorageClass.GLACIER);
        LifecycleRule expire = LifecycleRule.forPrefix("expire", "").expiration(10);
        LifecycleObject o = LifecycleObject.current("k", MB, StorageClass.STANDARD, 0);
        assertTrue(eval(false, move, expire).due(o, 40 * D).orElseThrow() instanceof LifecycleAction.Expire e && e.permanent());
        assertTrue(eval(true, move, expire).due(o, 40 * D).orElseThrow() instanceof LifecycleAction.Transition);
        assertTrue(eval(true, expire).due(o, 40 * D).orElseThrow() instanceof LifecycleAction.Expire e && !e.permanent());
    }

    @Test
    void noncurrentRulesCountFromBecomingNoncurrent() { // A9.3
        LifecycleEvaluator lc = eval(true, LifecycleRule.forPrefix("nc", "").noncurrentExpiration(7));
        LifecycleObject o = new LifecycleObject("k", MB, StorageClass.STANDARD, 0, Optional.of(100 * D + 5 * H));
        assertEquals(Optional.empty(), lc.due(o, 107 * D + 6 * H));
        assertTrue(lc.due(o, 108 * D).orElseThrow() instanceof LifecycleAction.ExpireNoncurrent);
        assertEquals(Optional.empty(), lc.due(LifecycleObject.current("k", MB, StorageClass.STANDARD, 0), 200 * D),
                "a noncurrent rule leaves the current version alone");
    }

    @Test
    void objectsUnder128KbAreNotTransitionedByDefault() { // A9.2 size floor
        LifecycleRule r = LifecycleRule.forPrefix("r", "").transition(30, StorageClass.GLACIER);
        LifecycleObject small = LifecycleObject.current("k", 1000, StorageClass.STANDARD, 0);
        assertEquals(Optional.empty(), eval(false, r).due(small, 40 * D));
        LifecycleEvaluator varies = new LifecycleEvaluator(List.of(r), false, LifecycleEvaluator.SizeFloor.VARIES_BY_STORAGE_CLASS);
        assertTrue(varies.due(small, 40 * D).isPresent());
    }

    @Test
    void incompleteUploadsAreAbortedAtTheMidnightAfterTheirDays() { // A9 AbortIncompleteMultipartUpload + A9.4
        LifecycleEvaluator lc = eval(false, LifecycleRule.forPrefix("r", "tmp/").abortIncompleteUploads(7));
        assertEquals(Optional.of(8 * D), lc.abortDue("tmp/x", 3 * H));
        assertEquals(Optional.empty(), lc.abortDue("keep/x", 3 * H));
    }

    @Test
    void rulesOnlyApplyToTheirPrefix() { // A9 filter
        LifecycleEvaluator lc = eval(false, LifecycleRule.forPrefix("r", "logs/").expiration(1));
        assertEquals(Optional.empty(), lc.due(LifecycleObject.current("data/a", MB, StorageClass.STANDARD, 0), 10 * D));
        assertTrue(lc.due(LifecycleObject.current("logs/a", MB, StorageClass.STANDARD, 0), 10 * D).isPresent());
    }
}
