package io.faultline.models.demo.wire;

import io.faultline.sim.Message;
import org.apiguardian.api.API;

/** The echo protocol: a client's ping and the server's pong carrying the same value. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface EchoMessage extends Message {
    /** Echo {@code value} back, for operation {@code opId}. */
    record Ping(long opId, long value) implements EchoMessage {
    }

    /** The echo of a ping. */
    record Pong(long opId, long value) implements EchoMessage {
    }
}
