package io.faultline.models.kafka.wire;

import io.faultline.sim.Message;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The consumer-group protocol between a group consumer and its group coordinator (FIDELITY C7),
 * on the brokers' data port like every client request. Offsets are per partition of the one data
 * topic; a member is named by the id its coordinator gave it and, for static members (KIP-345), by
 * its {@code instanceId} (empty for dynamic members).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface GroupMessage extends Message {
    @Override
    default String channel() {
        return KafkaMessage.DATA;
    }

    /** The group a request is about. */
    String group();

    /** Join (or rejoin) the group; {@code owned} is what a cooperative member still holds (KIP-429). */
    record JoinGroup(String group, String memberId, String instanceId, List<Integer> owned) implements GroupMessage {
        public JoinGroup {
            owned = List.copyOf(owned);
        }
    }

    /** The join phase ended: the member's id and the new generation. */
    record JoinResult(String group, String memberId, int generation, KafkaError error) implements GroupMessage {
    }

    /** Ask for this generation's assignment. */
    record SyncGroup(String group, String memberId, int generation) implements GroupMessage {
    }

    record SyncResult(String group, int generation, List<Integer> assignment, KafkaError error) implements GroupMessage {
        public SyncResult {
            assignment = List.copyOf(assignment);
        }
    }

    record Heartbeat(String group, String memberId, int generation) implements GroupMessage {
    }

    record HeartbeatResult(String group, int generation, KafkaError error) implements GroupMessage {
    }

    /** A dynamic member leaves on close, or when its poll interval expired (static members do not, KIP-345). */
    record LeaveGroup(String group, String memberId) implements GroupMessage {
    }

    /**
     * KIP-848's one request (group.protocol=consumer, FIDELITY C7.8): epoch 0 joins, -1 leaves,
     * otherwise the member's epoch; {@code owned} is what the member holds now, so the coordinator
     * knows what it has given up.
     */
    record ConsumerGroupHeartbeat(String group, String memberId, int memberEpoch, List<Integer> owned)
            implements GroupMessage {
        public static final int JOIN = 0;
        public static final int LEAVE = -1;

        public ConsumerGroupHeartbeat {
            owned = List.copyOf(owned);
        }
    }

    /** The member's id and epoch and what it may own now (partitions still held by another member are withheld). */
    record ConsumerGroupHeartbeatResult(String group, String memberId, int memberEpoch, List<Integer> assignment,
                                        KafkaError error) implements GroupMessage {
        public ConsumerGroupHeartbeatResult {
            assignment = List.copyOf(assignment);
        }
    }

    /** Commit {@code offsets} (partition to the next offset to consume) for a member of {@code generation}. */
    record OffsetCommit(long requestId, String group, String memberId, int generation, Map<Integer, Long> offsets)
            implements GroupMessage {
        public OffsetCommit {
            offsets = java.util.Collections.unmodifiableMap(new TreeMap<>(offsets));
        }
    }

    record OffsetCommitResult(long requestId, String group, KafkaError error) implements GroupMessage {
    }

    /** The committed offsets of {@code partitions}. */
    record OffsetFetch(long requestId, String group, List<Integer> partitions) implements GroupMessage {
        public OffsetFetch {
            partitions = List.copyOf(partitions);
        }
    }

    /** Committed offsets; a partition with none is absent. */
    record OffsetFetchResult(long requestId, String group, Map<Integer, Long> offsets, KafkaError error)
            implements GroupMessage {
        public OffsetFetchResult {
            offsets = java.util.Collections.unmodifiableMap(new TreeMap<>(offsets));
        }
    }
}
