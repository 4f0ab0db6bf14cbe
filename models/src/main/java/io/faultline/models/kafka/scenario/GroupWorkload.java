package io.faultline.models.kafka.scenario;

import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.models.kafka.workload.GroupConsumer;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.sim.scenario.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The clients of the consumer-group scenarios (FIDELITY C7): a producer, two members of group
 * {@code g} polling every ~100 ms, and a reader outside the group that assigns itself every
 * partition after the last writes and reads the log from offset 0, so that a record the group
 * skipped is told apart from a record the log lost (group-poll-skip, not lost-write, C7.7).
 */
final class GroupWorkload {
    static final String GROUP = "g";

    final KafkaCluster.GroupConsumerHandle first;
    final KafkaCluster.GroupConsumerHandle second;

    private GroupWorkload(KafkaCluster.GroupConsumerHandle first, KafkaCluster.GroupConsumerHandle second) {
        this.first = first;
        this.second = second;
    }

    static GroupWorkload install(KafkaCluster c, long end) {
        long s = Simulation.SECONDS;
        c.addProducer(2, 100 * Simulation.MILLIS, end - 15 * s);
        KafkaCluster.GroupConsumerHandle a = c.addGroupConsumer(GROUP, 100 * Simulation.MILLIS, 500);
        KafkaCluster.GroupConsumerHandle b = c.addGroupConsumer(GROUP, 100 * Simulation.MILLIS, 500);
        c.addConsumer(100 * Simulation.MILLIS, end - 8 * s);
        return new GroupWorkload(a, b);
    }

    /**
     * Crashes each member at its time, at the worst moment: once it is processing its first batch after
     * a commit (within 10 s), then restarts it {@code downFor} later (never if 0). False if the run stopped early.
     */
    static boolean crashMidBatch(ScenarioRun run, List<KafkaCluster.GroupConsumerHandle> members, List<Long> at,
                                 long downFor) {
        for (int i = 0; i < members.size(); i++) {
            KafkaCluster.GroupConsumerHandle m = members.get(i);
            if (run.runUntil(at.get(i)) != RunStatus.REACHED_TIME) {
                return false;
            }
            run.await(() -> m.consumer().map(GroupConsumer::processingSinceCommit).orElse(false), 10 * Simulation.SECONDS);
            m.host().crash();
            if (downFor > 0) {
                run.sim().after(downFor, "restart " + m.host().id(), () -> m.host().restart());
            }
        }
        return true;
    }

    /** What the group was handed more than once, and what it skipped, per partition. */
    static Table deliveries(KafkaCluster c) {
        LogCheckResult r = c.logCheck();
        List<List<String>> rows = new ArrayList<>();
        for (AnomalyType t : List.of(AnomalyType.GROUP_NONMONOTONIC_POLL, AnomalyType.GROUP_POLL_SKIP)) {
            r.of(t).forEach(a -> rows.add(List.of(t.keyword(), "p" + a.key(), String.valueOf(a.values().size()),
                    t.allowed(true) ? "allowed (at-least-once)" : "forbidden")));
        }
        return new Table("records the consumer group was handed twice or never (FIDELITY C7.7)",
                List.of("kind", "partition", "records", "verdict"), rows);
    }
}
