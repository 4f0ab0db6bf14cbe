package io.faultline.models.kafka.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ISR shrink/expand and the high watermark (FIDELITY C1). */
class IsrTrackerTest {

    @Test
    void hwIsTheSmallestLeoInTheIsrAndNeverGoesBack() {
        IsrTracker t = new IsrTracker(1, List.of(1, 2, 3), List.of(1, 2, 3), 0, false, 1);
        t.onFollowerFetch(2, 4, 5, 10);
        t.onFollowerFetch(3, 2, 5, 10);
        assertEquals(2, t.highWatermark(5, 0));
        assertEquals(3, t.highWatermark(5, 3), "the leader's HW is monotonic");
    }

    @Test
    void aFollowerThatStopsFetchingLeavesTheIsrAfterTheLagTime() {
        IsrTracker t = new IsrTracker(1, List.of(1, 2, 3), List.of(1, 2, 3), 0, false, 1);
        t.onFollowerFetch(2, 5, 5, 1_000);
        t.onFollowerFetch(3, 5, 5, 1_000);
        // Leader appends to LEO 8; follower 2 keeps up, 3 goes silent.
        t.onFollowerFetch(2, 8, 8, 20_000);
        assertTrue(t.outOfSync(8, 10_900, 10_000).isEmpty(), "3 was caught up at 1000: 9.9 s ago");
        assertEquals(List.of(3), t.outOfSync(8, 11_001, 10_000));
    }

    @Test
    void aFollowerAtTheLeadersLeoIsNeverOutOfSync() {
        IsrTracker t = new IsrTracker(1, List.of(1, 2), List.of(1, 2), 0, false, 1);
        t.onFollowerFetch(2, 5, 5, 0);
        assertTrue(t.outOfSync(5, 1_000_000, 10_000).isEmpty());
    }

    @Test
    void aSlowFollowerThatReachesThePreviousLeoCountsAsCaughtUpAtItsPreviousFetch() {
        IsrTracker t = new IsrTracker(1, List.of(1, 2), List.of(1, 2), 0, false, 1);
        t.onFollowerFetch(2, 0, 10, 5_000);   // leader LEO 10 at this fetch
        t.onFollowerFetch(2, 10, 20, 9_000);  // reached 10: caught up as of 5000
        assertTrue(t.outOfSync(20, 15_000, 10_000).isEmpty());
        assertEquals(List.of(2), t.outOfSync(20, 15_001, 10_000));
    }

    @Test
    void aFollowerTheLeaderAskedToAddHoldsTheHwUntilTheControllerDecides() {
        IsrTracker t = new IsrTracker(1, List.of(1, 2, 3), List.of(1, 2), 0, false, 1);
        t.onFollowerFetch(2, 10, 10, 100);
        t.onFollowerFetch(3, 10, 10, 100);
        assertEquals(List.of(3), t.joinable(10));
        t.joinRequested(List.of(3));
        // The leader appends to 12; 2 keeps up, 3 (joining) has only 10.
        t.onFollowerFetch(2, 12, 12, 200);
        assertEquals(10, t.highWatermark(12, 10), "the maximal ISR (C1): the joiner may be committed to the ISR any time");
        t.setIsr(List.of(1, 2, 3));
        t.onFollowerFetch(3, 12, 12, 300);
        assertEquals(12, t.highWatermark(12, 10));
    }

    @Test
    void aRequestedJoinerThatFallsBehindStopsHoldingTheHw() {
        IsrTracker t = new IsrTracker(1, List.of(1, 2, 3), List.of(1, 2), 0, false, 1);
        t.onFollowerFetch(3, 10, 10, 1_000);
        t.joinRequested(List.of(3));
        t.onFollowerFetch(2, 15, 15, 2_000);
        t.dropLaggingJoiners(15, 11_000, 10_000);
        assertEquals(10, t.highWatermark(15, 10), "3 was caught up at 1000: 10 s ago, not more");
        t.dropLaggingJoiners(15, 11_001, 10_000);
        assertEquals(15, t.highWatermark(15, 10), "the controller never added 3: the HW moves on without it");
    }

    @Test
    void since37TheHwHoldsWhileTheIsrIsBelowMinIsr() {
        IsrTracker old = new IsrTracker(1, List.of(1, 2, 3), List.of(1), 0, false, 2);
        assertEquals(5, old.highWatermark(5, 0), "before 3.7 the ISR of one is acks=1 (C3)");
        IsrTracker v37 = new IsrTracker(1, List.of(1, 2, 3), List.of(1), 0, true, 2);
        assertEquals(0, v37.highWatermark(5, 0), "KAFKA-15583 (C1)");
        v37.onFollowerFetch(2, 5, 5, 10);
        assertEquals(List.of(2), v37.joinable(0));
        v37.setIsr(List.of(1, 2));
        assertEquals(5, v37.highWatermark(5, 0));
    }
}
