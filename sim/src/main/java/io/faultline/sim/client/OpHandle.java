package io.faultline.sim.client;

import io.faultline.checker.history.Value;
import org.apiguardian.api.API;

/**
 * An invoked operation awaiting its completion, as returned by {@link Recorder#invoke}.
 *
 * @param id           unique per recorder, in invocation order (put it in request messages to match replies)
 * @param process      the Jepsen process that invoked it
 * @param f            the operation's function
 * @param value        the invocation's value
 * @param invokedNanos virtual time of the invocation
 */
@API(status = API.Status.STABLE, since = "0.1")
public record OpHandle(long id, int process, String f, Value value, long invokedNanos) {
}
