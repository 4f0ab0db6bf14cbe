package io.faultline.sim.client;

import io.faultline.checker.history.Value;

/**
 * An operation a workload asks a client to perform.
 *
 * @param f     the function, e.g. {@code read}, {@code write}, {@code cas}
 * @param value its argument ({@link Value#NIL} for a read)
 */
public record Invocation(String f, Value value) {
}
