package io.faultline.docs.pb;

import io.faultline.sim.Message;

// tag::messages[]
/** What clients and the two servers of the primary-backup register say to each other. */
sealed interface PbMessage extends Message {
    /** Client to server: write {@code value}; {@code op} matches the reply to the operation. */
    record Write(long op, long value) implements PbMessage {
    }

    record WriteOk(long op) implements PbMessage {
    }

    record Read(long op) implements PbMessage {
    }

    record ReadOk(long op, long value) implements PbMessage {
    }

    /** The backup refuses requests until it has taken over: the client may retry elsewhere. */
    record NotPrimary(long op) implements PbMessage {
    }

    /** Primary to backup: the register now holds {@code value}, the primary's write number {@code version}. */
    record Replicate(long version, long value) implements PbMessage {
    }

    record ReplicateOk(long version) implements PbMessage {
    }

    /** Primary to backup, periodically: "I am alive". */
    record Heartbeat() implements PbMessage {
    }
}
// end::messages[]
