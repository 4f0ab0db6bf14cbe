package io.faultline.models.kafka.rules;

import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import io.faultline.models.kafka.config.TruncationRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KIP-279 (FIDELITY C5.4): whatever sequence of leader flips produced two replicas' logs, the
 * iterative exchange leaves the follower with exactly the largest prefix it shares with the leader,
 * so after fetching the logs are identical. KIP-101 does not (some generated case diverges).
 */
class LargestCommonEpochPropertyTest {

    /** One leadership era: who leads, whether the other replica caught up first, how many appends. */
    record Era(int leader, boolean otherSynced, int appends) {
    }

    private static final Gen<List<Era>> ERAS = Gen.listOf(
            Gen.zip(Gen.integers(0, 1), Gen.booleans(), (l, s) -> new Object[] {l, s})
                    .flatMap(ls -> Gen.integers(0, 4).map(n -> new Era((Integer) ls[0], (Boolean) ls[1], n))),
            1, 12);

    /** Builds the two logs: one leader per epoch, each era's leader keeps its own log untruncated. */
    private static ReplicaLog[] play(List<Era> eras) {
        ReplicaLog[] logs = {new ReplicaLog(), new ReplicaLog()};
        long value = 0;
        for (int epoch = 0; epoch < eras.size(); epoch++) {
            Era e = eras.get(epoch);
            ReplicaLog leader = logs[e.leader()];
            ReplicaLog other = logs[1 - e.leader()];
            for (int i = 0; i < e.appends(); i++) {
                leader.appendAsLeader(epoch, value++, -1, -1);
            }
            if (e.otherSynced()) {
                other.truncateTo(commonPrefix(other, leader));
                other.appendAsFollower(leader.read(other.leo(), Integer.MAX_VALUE));
            }
        }
        return logs;
    }

    private static long commonPrefix(ReplicaLog a, ReplicaLog b) {
        long n = Math.min(a.leo(), b.leo());
        for (long i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return n;
    }

    @Test
    void followerTruncatesToExactlyTheLargestCommonPrefix() {
        Property.forAll(ERAS).named("kip279-largest-common-prefix").tries(300).verify(eras -> {
            ReplicaLog[] logs = play(eras);
            int last = eras.get(eras.size() - 1).leader();
            ReplicaLog leader = logs[last];
            ReplicaLog follower = logs[1 - last];
            long expected = commonPrefix(follower, leader);
            long to = FollowerTruncation.resolve(TruncationRule.LARGEST_COMMON_EPOCH, follower, leader);
            assertEquals(expected, to, "eras " + eras);
            follower.truncateTo(to);
            follower.appendAsFollower(leader.read(follower.leo(), Integer.MAX_VALUE));
            assertEquals(leader.records(), follower.records());
        });
    }

    @Test
    void kip101LeavesSomeGeneratedLogsDivergent() {
        // The KAFKA-6361 shape in eras: A leads 0 (1 record, synced), A leads 1 (1 record, B not
        // synced), B leads 2 (1 record), A leads 3 (2 records): B asks for epoch 2, A answers 3's start.
        List<Era> eras = List.of(new Era(0, true, 1), new Era(0, false, 1), new Era(1, false, 1), new Era(0, false, 2));
        ReplicaLog[] logs = play(eras);
        long kip101 = FollowerTruncation.resolve(TruncationRule.LEADER_EPOCH, logs[1], logs[0]);
        assertTrue(kip101 > commonPrefix(logs[1], logs[0]), "KIP-101 keeps a divergent record");
        assertEquals(1, FollowerTruncation.resolve(TruncationRule.LARGEST_COMMON_EPOCH, logs[1], logs[0]));
    }
}
