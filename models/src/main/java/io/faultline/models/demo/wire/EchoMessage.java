package io.faultline.models.demo.wire;

import io.faultline.sim.Message;

/** The echo protocol: a client's ping and the server's pong carrying the same value. */
public sealed interface EchoMessage extends Message {
    /** Echo {@code value} back, for operation {@code opId}. */
    record Ping(long opId, long value) implements EchoMessage {
    }

    /** The echo of a ping. */
    record Pong(long opId, long value) implements EchoMessage {
    }
}
