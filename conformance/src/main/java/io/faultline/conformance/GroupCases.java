package io.faultline.conformance;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The two consumer-group conformance cases of issue #16, as {@link GroupCase}s. Each takes the
 * {@code replica.lag.time.max.ms} of the cluster it runs on (a broker setting the model must
 * share); the other broker settings they name ({@code group.initial.rebalance.delay.ms=3000},
 * {@code offsets.topic.num.partitions=1}, {@code offsets.topic.replication.factor=3}) are the real
 * test cluster's.
 *
 * <pre>{@code
 * GroupCase c = GroupCases.coordinatorRestart(3000);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GroupCases {
    /** Partitions of the cases' topics: more than members, so the range assignor gives one member two. */
    static final int PARTITIONS = 4;

    private GroupCases() {
    }

    /**
     * The safe producer (FIDELITY F7) and a consumer that commits synchronously after each poll
     * that returned records (enable.auto.commit=false, C7.5), with the range assignor, the classic
     * protocol's default choice (C7.3).
     */
    static Map<String, String> settings(long lagMs) {
        return Workload.settings("acks", "all", "min.insync.replicas", "2", "unclean.leader.election.enable", "false",
                "enable.idempotence", "false", "max.in.flight.requests.per.connection", "1", "retries", "2147483647",
                "retry.backoff.ms", "100", "request.timeout.ms", "2000", "delivery.timeout.ms", "30000",
                "replica.lag.time.max.ms", Long.toString(lagMs),
                "group.initial.rebalance.delay.ms", "3000", "offsets.topic.num.partitions", "1",
                "offsets.topic.replication.factor", "3",
                "enable.auto.commit", "false", "partition.assignment.strategy", "range",
                "heartbeat.interval.ms", "500", "session.timeout.ms", "10000",
                "kafka.consumer.commit", "sync", "kafka.consumer.processing.ms", "0");
    }

    /**
     * Case 5: three members share four partitions; each record goes to its partition's owner; one
     * member leaves (close, LeaveGroup) once everything it was handed is committed; the group
     * rebalances to the two left (C7.2, C7.3), and the leaver's partition resumes at its committed
     * offset with its new owner: the same assignments and the same records to the same members,
     * nothing lost, nothing handed out twice.
     */
    public static GroupCase memberLeaves(long lagMs) {
        // tag::member-leaves[]
        return new GroupCase("c5-group-member-leaves", PARTITIONS, settings(lagMs), List.of(
                new GroupStep.Start("m1"), new GroupStep.Start("m2"), new GroupStep.Start("m3"),
                new GroupStep.AwaitAssignment(), new GroupStep.Produce(20), new GroupStep.AwaitDelivered(),
                new GroupStep.Leave("m3"), new GroupStep.AwaitAssignment(), new GroupStep.Produce(20),
                new GroupStep.AwaitDelivered()));
        // end::member-leaves[]
    }

    /**
     * Case 6: a member consumes and commits, then leaves; the broker coordinating the group is
     * stopped and started again (another broker takes over the group's {@code __consumer_offsets}
     * partition, C7.6); a new member resumes at the committed offsets: it is handed exactly the
     * records written after the commit.
     */
    public static GroupCase coordinatorRestart(long lagMs) {
        return new GroupCase("c6-group-coordinator-restart", PARTITIONS, settings(lagMs), List.of(
                new GroupStep.Start("m1"), new GroupStep.AwaitAssignment(), new GroupStep.Produce(20),
                new GroupStep.AwaitDelivered(), new GroupStep.Leave("m1"), new GroupStep.RestartCoordinator(),
                new GroupStep.Produce(20), new GroupStep.Start("m2"), new GroupStep.AwaitAssignment(),
                new GroupStep.AwaitDelivered()));
    }
}
