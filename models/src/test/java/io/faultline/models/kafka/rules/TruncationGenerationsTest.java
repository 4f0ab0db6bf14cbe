package io.faultline.models.kafka.rules;

import io.faultline.models.kafka.config.TruncationRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The three generations of follower truncation (FIDELITY C5) on the exact logs of the documented
 * cases: KIP-101's two scenarios (C5.2, C5.3) and KAFKA-6361/KIP-279 (C5.4).
 */
class TruncationGenerationsTest {

    private static ReplicaLog log(int[] epochs, long firstValue) {
        ReplicaLog l = new ReplicaLog();
        for (int i = 0; i < epochs.length; i++) {
            l.appendAsLeader(epochs[i], firstValue + i, -1, -1);
        }
        return l;
    }

    /** C5.2: A restarts with HW 1 while B (leader, HW 2) has m1, m2; then B dies. */
    private static ReplicaLog[] kip101Scenario1() {
        ReplicaLog b = log(new int[] {0, 0}, 1);
        b.setHighWatermark(2);
        ReplicaLog a = log(new int[] {0, 0}, 1);
        a.setHighWatermark(1);
        return new ReplicaLog[] {a, b};
    }

    @Test
    void highWatermarkTruncationDropsTheAcknowledgedRecordOfKip101Scenario1() {
        ReplicaLog[] ab = kip101Scenario1();
        long to = FollowerTruncation.resolve(TruncationRule.HIGH_WATERMARK, ab[0], ab[1]);
        ab[0].truncateTo(to);
        // B now fails before A re-fetches: A leads with [m1] only, m2 (committed on B) is gone.
        assertEquals(List.of(1L), ab[0].values());
    }

    @Test
    void leaderEpochTruncationKeepsItInKip101Scenario1() {
        for (TruncationRule rule : List.of(TruncationRule.LEADER_EPOCH, TruncationRule.LARGEST_COMMON_EPOCH)) {
            ReplicaLog[] ab = kip101Scenario1();
            ab[0].truncateTo(FollowerTruncation.resolve(rule, ab[0], ab[1]));
            assertEquals(List.of(1L, 2L), ab[0].values(), rule.name());
        }
    }

    /** C5.3: A had m1, m2 (HW 2); B only m1; B restarts first, leads epoch 1 and writes m3 at 1. */
    private static ReplicaLog[] kip101Scenario2() {
        ReplicaLog a = log(new int[] {0, 0}, 1);
        a.setHighWatermark(2);
        ReplicaLog b = log(new int[] {0}, 1);
        b.appendAsLeader(1, 3, -1, -1);
        return new ReplicaLog[] {a, b};
    }

    @Test
    void highWatermarkTruncationLeavesDivergentLogsInKip101Scenario2() {
        ReplicaLog[] ab = kip101Scenario2();
        ab[0].truncateTo(FollowerTruncation.resolve(TruncationRule.HIGH_WATERMARK, ab[0], ab[1]));
        assertEquals(List.of(1L, 2L), ab[0].values());
        assertEquals(List.of(1L, 3L), ab[1].values());
    }

    @Test
    void leaderEpochTruncationRemovesTheUncommittedSuffixInKip101Scenario2() {
        ReplicaLog[] ab = kip101Scenario2();
        long to = FollowerTruncation.resolve(TruncationRule.LEADER_EPOCH, ab[0], ab[1]);
        assertEquals(1, to, "B answers the start offset of epoch 1 (C5.3)");
        ab[0].truncateTo(to);
        ab[0].appendAsFollower(ab[1].read(ab[0].leo(), 10));
        assertEquals(ab[1].values(), ab[0].values());
    }

    /**
     * C5.4 with the KIP's offsets: A leads epoch 1 with X1 (0-10) and X2 (11-20); B has X1 and
     * leads epoch 2 writing Y at 11-15; A leads again in epoch 3 from offset 21.
     */
    private static ReplicaLog[] kip279() {
        ReplicaLog a = new ReplicaLog();
        ReplicaLog b = new ReplicaLog();
        for (int i = 0; i <= 20; i++) {
            a.appendAsLeader(1, 100 + i, -1, -1);
            if (i <= 10) {
                b.appendAsLeader(1, 100 + i, -1, -1);
            }
        }
        for (int i = 11; i <= 15; i++) {
            b.appendAsLeader(2, 200 + i, -1, -1);
        }
        a.appendAsLeader(3, 321, -1, -1);
        return new ReplicaLog[] {a, b};
    }

    @Test
    void kip101AnswersOffset21ForAnEpochTheLeaderNeverHadAndBKeepsItsDivergentRecords() {
        ReplicaLog[] ab = kip279();
        assertEquals(21, FollowerTruncation.answer(TruncationRule.LEADER_EPOCH, ab[0], 2).endOffset());
        long to = FollowerTruncation.resolve(TruncationRule.LEADER_EPOCH, ab[1], ab[0]);
        assertEquals(16, to, "B's LEO < 21: no truncation (KAFKA-6361)");
        assertNotEquals(ab[0].get(11).value(), ab[1].get(11).value());
    }

    @Test
    void kip279TruncatesToTheLargestCommonEpochsEnd() {
        ReplicaLog[] ab = kip279();
        EpochEnd answer = FollowerTruncation.answer(TruncationRule.LARGEST_COMMON_EPOCH, ab[0], 2);
        assertEquals(new EpochEnd(1, 21), answer);
        long to = FollowerTruncation.resolve(TruncationRule.LARGEST_COMMON_EPOCH, ab[1], ab[0]);
        assertEquals(11, to);
        ab[1].truncateTo(to);
        ab[1].appendAsFollower(ab[0].read(to, 100));
        assertEquals(ab[0].values(), ab[1].values());
    }

    @Test
    void kip279IteratesWhenTheLeaderAnswersWithAnEpochTheFollowerLacks() {
        // Follower epochs {1:0, 2:5, 4:8}; leader {1:0, 3:6, 5:9}: common epoch 1, ending at 5.
        ReplicaLog f = log(new int[] {1, 1, 1, 1, 1, 2, 2, 2, 4, 4}, 0);
        ReplicaLog l = log(new int[] {1, 1, 1, 1, 1, 1, 3, 3, 3, 5}, 0);
        FollowerTruncation.Step s = FollowerTruncation.start(TruncationRule.LARGEST_COMMON_EPOCH, f);
        assertEquals(new FollowerTruncation.Ask(4), s);
        s = FollowerTruncation.onAnswer(TruncationRule.LARGEST_COMMON_EPOCH, f,
                FollowerTruncation.answer(TruncationRule.LARGEST_COMMON_EPOCH, l, 4));
        assertEquals(new FollowerTruncation.Ask(2), s, "leader answered epoch 3, which f never had");
        s = FollowerTruncation.onAnswer(TruncationRule.LARGEST_COMMON_EPOCH, f,
                FollowerTruncation.answer(TruncationRule.LARGEST_COMMON_EPOCH, l, 2));
        assertEquals(new FollowerTruncation.TruncateTo(5), s);
    }

    @Test
    void anEmptyFollowerHasNothingToTruncate() {
        for (TruncationRule rule : TruncationRule.values()) {
            assertEquals(0, FollowerTruncation.resolve(rule, new ReplicaLog(), kip279()[0]));
        }
    }
}
