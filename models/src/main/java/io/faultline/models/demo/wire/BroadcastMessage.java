package io.faultline.models.demo.wire;

import io.faultline.sim.Message;

import java.util.List;
import org.apiguardian.api.API;

/** The broadcast protocol: clients add values; nodes gossip them to each other until acknowledged. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface BroadcastMessage extends Message {
    /** A client asks a node to broadcast {@code value}. */
    record Add(long opId, long value) implements BroadcastMessage {
    }

    /** The node stored the value and took responsibility for spreading it. */
    record AddOk(long opId) implements BroadcastMessage {
    }

    /** Values the sender wants the receiver to hold. */
    record Gossip(List<Long> values) implements BroadcastMessage {
        public Gossip {
            values = List.copyOf(values);
        }

        @Override
        public int sizeBytes() {
            return 16 + 8 * values.size();
        }
    }

    /** The receiver now holds these values. */
    record GossipAck(List<Long> values) implements BroadcastMessage {
        public GossipAck {
            values = List.copyOf(values);
        }

        @Override
        public int sizeBytes() {
            return 16 + 8 * values.size();
        }
    }
}
