package io.faultline.models.kafka.workload;

import io.faultline.models.kafka.config.KafkaConfig.OffsetReset;
import io.faultline.models.kafka.rules.EpochEnd;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** auto.offset.reset (FIDELITY C8.3) and KIP-320's truncation detection (C5.5) on the consumer's positions. */
class FetchPositionsTest {

    @Test
    void outOfRangeResetsByPolicyOrFails() {
        FetchPositions earliest = new FetchPositions(OffsetReset.EARLIEST, true);
        earliest.start(0, 7);
        earliest.outOfRange(0);
        assertEquals(FetchPositions.Mode.RESETTING, earliest.mode(0));
        earliest.resetTo(0, 120, 2);
        assertEquals(120, earliest.offset(0), "earliest: the leader's log start");
        assertEquals(FetchPositions.Mode.FETCHING, earliest.mode(0));

        FetchPositions none = new FetchPositions(OffsetReset.NONE, true);
        none.start(0, 7);
        none.outOfRange(0);
        assertEquals(FetchPositions.Mode.FAILED, none.mode(0), "none: the application is told, nothing is skipped");
        none.resetTo(0, 120, 2);
        assertEquals(7, none.offset(0));
    }

    @Test
    void aNewLeaderIsValidatedAndTruncationResetsToTheDivergencePoint() {
        FetchPositions p = new FetchPositions(OffsetReset.EARLIEST, true);
        p.start(0, 0);
        p.onLeaderEpoch(0, 3);
        p.consumed(0, 10, 3);
        p.onLeaderEpoch(0, 4);
        assertEquals(FetchPositions.Mode.VALIDATING, p.mode(0));
        assertTrue(p.onEpochEnd(0, new EpochEnd(3, 8), 4).orElseThrow().contains("truncated"));
        assertEquals(8, p.offset(0), "KIP-320: the first offset known to diverge, whatever auto.offset.reset says");
        assertEquals(FetchPositions.Mode.FETCHING, p.mode(0));

        p.consumed(0, 12, 4);
        p.onLeaderEpoch(0, 5);
        assertTrue(p.onEpochEnd(0, new EpochEnd(4, 15), 5).isEmpty(), "epoch 4 ends past the position: no truncation");
        assertEquals(12, p.offset(0));
    }

    @Test
    void truncationWithResetNoneFailsAndOlderConsumersDoNotValidate() {
        FetchPositions none = new FetchPositions(OffsetReset.NONE, true);
        none.start(0, 0);
        none.consumed(0, 10, 1);
        none.onLeaderEpoch(0, 2);
        assertTrue(none.onEpochEnd(0, new EpochEnd(1, 4), 2).orElseThrow().contains("LogTruncationException"));
        assertEquals(FetchPositions.Mode.FAILED, none.mode(0));

        FetchPositions old = new FetchPositions(OffsetReset.EARLIEST, false);
        old.start(0, 0);
        old.consumed(0, 10, 1);
        old.onLeaderEpoch(0, 2);
        assertEquals(FetchPositions.Mode.FETCHING, old.mode(0), "before 2.1 a consumer keeps its position (C5.5)");
    }
}
