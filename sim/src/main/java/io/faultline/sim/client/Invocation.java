package io.faultline.sim.client;

import io.faultline.checker.history.Value;
import org.apiguardian.api.API;

/**
 * An operation a workload asks a client to perform.
 *
 * @param f     the function, e.g. {@code read}, {@code write}, {@code cas}
 * @param value its argument ({@link Value#NIL} for a read)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Invocation(String f, Value value) {
}
