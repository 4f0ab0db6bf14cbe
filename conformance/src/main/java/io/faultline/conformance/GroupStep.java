package io.faultline.conformance;

import org.apiguardian.api.API;

/**
 * One step of a consumer-group conformance case ({@link GroupCase}), run in order on the model and
 * on the real cluster. Members are named by the case ({@code m1}, {@code m2}, ...): the real
 * consumer's {@code client.id} and the model consumer's host are chosen so that the range assignor
 * orders them by that name on both sides.
 *
 * <pre>{@code
 * List<GroupStep> steps = List.of(new GroupStep.Start("m1"), new GroupStep.AwaitAssignment(),
 *         new GroupStep.Produce(20), new GroupStep.AwaitDelivered());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface GroupStep {
    /** Sends {@code records} records one at a time, value {@code v} to partition {@code (v - 1) % partitions}. */
    record Produce(int records) implements GroupStep {
        public Produce {
            if (records < 1) {
                throw new IllegalArgumentException("records must be >= 1, got " + records);
            }
        }
    }

    /** Starts a consumer of the group (it subscribes to the topic and polls from then on). */
    record Start(String member) implements GroupStep {
    }

    /**
     * Waits (bounded) until the live members own disjoint, non-empty sets of partitions that cover
     * the topic, and records who owns what: a rebalance has completed.
     */
    record AwaitAssignment() implements GroupStep {
    }

    /**
     * Waits (bounded) until every acknowledged record was handed to some member and the group's
     * committed offsets reached the end of every partition; records the committed offsets.
     */
    record AwaitDelivered() implements GroupStep {
    }

    /** The member calls {@code close()}: it leaves the group (LeaveGroup) and polls no more. */
    record Leave(String member) implements GroupStep {
    }

    /**
     * Stops the broker that coordinates the group, waits (bounded) until another broker
     * coordinates it, and starts the stopped broker again.
     */
    record RestartCoordinator() implements GroupStep {
    }
}
