package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * A message between processes. Each model (or lab) declares its own sealed interface of records
 * extending this one, and dispatches on it with {@code instanceof} patterns:
 *
 * <pre>{@code
 * sealed interface EchoMessage extends Message permits Ping, Pong {}
 * record Ping(long id, String text) implements EchoMessage {}
 * record Pong(long id, String text) implements EchoMessage {}
 * }</pre>
 *
 * <p>Messages must be immutable (records of immutable values): the network may deliver the same
 * object twice. Their {@code toString()} appears in traces and must be deterministic (records'
 * default one is, as long as components are records, strings, numbers or enums).
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Message {
    /**
     * The port-like name this message travels on; the network can cut one channel between two
     * hosts while others stay up (e.g. a data protocol while a coordination session survives).
     */
    default String channel() {
        return "default";
    }

    /** Size on the wire, used by per-link bandwidth; small by default. */
    default int sizeBytes() {
        return 64;
    }
}
