package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code kafka/auto-commit-loss}: auto-commit with processing after the commit is at-most-once
 * (FIDELITY C7.5). Two members of one group read a 2-partition topic; the application hands each
 * poll's records to a worker, so the auto-commit that covers them is sent before they are
 * processed. From 15 s, the first time member 1 is processing a batch a commit was sent for, it
 * crashes and stays down. Its session expires ({@code session.timeout.ms}, 45 s in 3.x) and member 2
 * takes its partitions from the committed offsets, past the batch nobody processed:
 * group-poll-skip. With {@code --set kafka.consumer.processing=before-commit} (process, then
 * commit: Kafka's at-least-once loop) the same crash loses nothing; member 2 is handed again what
 * member 1 processed after its last commit, which at-least-once allows.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AutoCommitLossScenario {
    static final String NAME = "kafka/auto-commit-loss";

    static final String DESCRIPTION =
            "FIDELITY C7.5: auto-commit with processing after the commit loses the records a crashed member "
                    + "was processing (group-poll-skip); none lost with kafka.consumer.processing=before-commit";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "3.7", "acks", "all", "min.insync.replicas", "2",
                    "enable.auto.commit", "true", "kafka.consumer.processing", "after-commit",
                    "request.timeout.ms", "2000", "delivery.timeout.ms", "10000"),
            100 * Simulation.SECONDS, AutoCommitLossScenario::run, KafkaConfig::fromSettings);

    private AutoCommitLossScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(3, 2, 3));
        GroupWorkload w = GroupWorkload.install(c, spec.durationNanos());
        long s = Simulation.SECONDS;
        if (GroupWorkload.crashMidBatch(run, List.of(w.first), List.of(15 * s), 0)) {
            run.runForDuration();
        }
        return KafkaRunResult.of(run, c, true, List.of(), GroupWorkload.deliveries(c));
    }
}
