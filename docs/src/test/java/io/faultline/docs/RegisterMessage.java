package io.faultline.docs;

import io.faultline.sim.Message;

/** The messages of the example register: clients talk to replicas, the primary replicates. */
sealed interface RegisterMessage extends Message
        permits RegisterMessage.Write, RegisterMessage.WriteOk, RegisterMessage.Read, RegisterMessage.ReadOk,
        RegisterMessage.Replicate {

    record Write(long op, long value) implements RegisterMessage {
    }

    record WriteOk(long op) implements RegisterMessage {
    }

    record Read(long op) implements RegisterMessage {
    }

    record ReadOk(long op, long value) implements RegisterMessage {
    }

    /** Replication travels on its own channel, so a partition can cut it alone. */
    record Replicate(long version, long value) implements RegisterMessage {
        @Override
        public String channel() {
            return "replicate";
        }
    }
}
