package io.faultline.models.kafka.scenario;

import io.faultline.checker.log.AnomalyType;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code kafka/rebalance-duplicates}: a member slower than {@code max.poll.interval.ms} is
 * redelivered across a rebalance (FIDELITY C7.2, C7.5). Two members of one group with
 * auto-commit; at 20 s one batch of member 1 takes 15 s to process, longer than the application's
 * max.poll.interval.ms=10000. Its client leaves the group, the group rebalances, and member 2 takes
 * every partition from the last commit: the records member 1 processed since then, and the slow
 * batch it still finishes, are handed to the group twice. At-least-once delivery allows that, so
 * the Jepsen check stays valid; the scenario's own check asks whether the application processed
 * each record once, and shows when it did not. With {@code --set max.poll.interval.ms=300000}
 * (Kafka's default) the slow batch keeps the member in the group and nothing is redelivered.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RebalanceDuplicatesScenario {
    static final String NAME = "kafka/rebalance-duplicates";

    static final String DESCRIPTION =
            "FIDELITY C7.2, C7.5: a batch slower than max.poll.interval.ms evicts its member and the group is "
                    + "handed records twice (at-least-once redelivery, shown); none with max.poll.interval.ms=300000";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "3.7", "acks", "all", "min.insync.replicas", "2",
                    "max.poll.interval.ms", "10000", "request.timeout.ms", "2000", "delivery.timeout.ms", "10000"),
            70 * Simulation.SECONDS, RebalanceDuplicatesScenario::run, KafkaConfig::fromSettings);

    private RebalanceDuplicatesScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(3, 2, 3));
        GroupWorkload w = GroupWorkload.install(c, spec.durationNanos());
        long s = Simulation.SECONDS;
        run.sim().at(20 * s, "member 1's next batch takes 15 s to process",
                () -> w.first.consumer().ifPresent(g -> g.stallNextBatch(15 * s)));
        run.runForDuration();
        int again = c.count(AnomalyType.GROUP_NONMONOTONIC_POLL);
        String name = "each record processed once by the group (exactly-once processing: not promised by "
                + "at-least-once delivery, shown here, FIDELITY C7.7)";
        CheckResult once = again == 0 ? CheckResult.valid(name, "no record was handed to the group twice")
                : CheckResult.invalid(name, "records handed to the group twice on " + again
                + " partition(s): redelivery across the rebalance");
        return KafkaRunResult.of(run, c, true, List.of(once), GroupWorkload.deliveries(c));
    }
}
