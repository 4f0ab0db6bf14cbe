package io.faultline.models.kafka.wire;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The controller's record of one partition: its leader ({@code -1} when offline), leader epoch,
 * ISR and replica assignment (the first replica is the preferred leader, FIDELITY C4).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PartitionState(int partition, int leader, int leaderEpoch, List<Integer> isr, List<Integer> replicas) {
    public PartitionState {
        isr = List.copyOf(isr);
        replicas = List.copyOf(replicas);
    }

    public static final int NO_LEADER = -1;

    public boolean online() {
        return leader != NO_LEADER;
    }

    public PartitionState withLeader(int newLeader, List<Integer> newIsr) {
        return new PartitionState(partition, newLeader, leaderEpoch + 1, newIsr, replicas);
    }

    public PartitionState withIsr(List<Integer> newIsr) {
        return new PartitionState(partition, leader, leaderEpoch, newIsr, replicas);
    }
}
