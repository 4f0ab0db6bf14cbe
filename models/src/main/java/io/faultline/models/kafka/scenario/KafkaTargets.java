package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * Fault targets resolved when a fault fires, from what the controller says at that moment: the
 * partition's leader, a follower (an ISR member first), the replica furthest behind, or any broker.
 * When the partition is offline, the first replica stands in for the leader.
 */
final class KafkaTargets {
    private final KafkaCluster cluster;
    private final Rng rng;

    KafkaTargets(KafkaCluster cluster, Rng rng) {
        this.cluster = cluster;
        this.rng = rng;
    }

    /** The leader the controller names for {@code p}, or its first replica if it is offline. */
    int leader(int p) {
        int l = cluster.leaderOf(p);
        return l >= 0 ? l : cluster.replicas(p).get(0);
    }

    /**
     * A replica of {@code p} other than {@code not}: the first ISR member in assignment order (the one
     * a clean election would pick, C4) if there is one, else any other replica.
     */
    int follower(int p, int not) {
        PartitionState s = cluster.controller().partitions().get(p);
        for (int r : s.replicas()) {
            if (r != not && s.isr().contains(r)) {
                return r;
            }
        }
        List<Integer> others = new ArrayList<>(cluster.replicas(p));
        others.remove(Integer.valueOf(not));
        return others.get(rng.nextInt(others.size()));
    }

    /** The replica of {@code p} with the lowest LEO among those up (a follower on ties), else any. */
    int furthestBehind(int p) {
        int leader = leader(p);
        int best = -1;
        long bestLeo = Long.MAX_VALUE;
        for (int r : cluster.replicas(p)) {
            long leo = cluster.leo(r, p);
            if (leo >= 0 && (leo < bestLeo || (leo == bestLeo && best == leader))) {
                best = r;
                bestLeo = leo;
            }
        }
        return best >= 0 ? best : follower(p, leader);
    }

    /** The leader half of the time, else an ISR member or any broker. */
    int any(int p) {
        double x = rng.nextDouble();
        if (x < 0.5) {
            return leader(p);
        }
        if (x < 0.75) {
            return follower(p, leader(p));
        }
        return rng.nextInt(cluster.brokerHosts().size());
    }
}
