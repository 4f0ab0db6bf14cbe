package io.faultline.conformance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One side of a consumer-group case: the model in the simulator ({@link ModelGroupDriver}) or a
 * real cluster (the tests' driver). {@link GroupCaseRunner} calls these in the order of the case's
 * steps; every wait is bounded and says whether it got what it waited for. Members consume
 * whenever the driver waits (the real driver polls its consumers in turn; the model's consumers
 * run their own loops), committing synchronously after each poll that returned records.
 *
 * <pre>{@code
 * try (GroupDriver d = new ModelGroupDriver(42, groupCase)) {
 *     GroupOutcome o = GroupCaseRunner.run(groupCase, d);
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface GroupDriver extends AutoCloseable {
    /** {@code model} or {@code real}. */
    String side();

    /** Sends {@code value} to {@code partition}; true once acknowledged, false if it was not (bounded). */
    boolean send(int partition, long value);

    void start(String member);

    /** Partition to owning member once a rebalance has completed (see {@link GroupStep.AwaitAssignment}); empty if not in time. */
    Optional<Map<Integer, String>> awaitAssignment();

    /** Waits until every value was handed to a member and the committed offsets reached {@code ends}; false if not in time. */
    boolean awaitDelivered(Set<Long> values, Map<Integer, Long> ends);

    /** The group's committed offsets as its coordinator serves them. */
    Map<Integer, Long> committed();

    /** The values each member was handed, in the order it was handed them. */
    Map<String, List<Long>> deliveries();

    void leave(String member);

    /** Stops the coordinator's broker, waits for another to coordinate, starts it again; returns its id. */
    int restartCoordinator();

    List<String> notes();

    /** Releases everything (clients, stopped brokers); never throws. */
    @Override
    void close();
}
