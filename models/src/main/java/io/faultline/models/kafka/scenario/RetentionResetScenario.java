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
 * {@code kafka/retention-reset}: a consumer that falls behind retention silently skips records
 * (FIDELITY C8.2, C8.3). No faults: three brokers, one partition, RF 3, segments rolled every 2 s
 * and deleted 10 s after their newest record ({@code retention.ms=10000}, checked every second).
 * Producers write about 20 records a second for 30 s; the only consumer polls about twice a second
 * for at most 5 records, so it reads half as fast and its position ages. Once retention deletes the
 * segment holding its position, its fetch is OFFSET_OUT_OF_RANGE and
 * {@code auto.offset.reset=earliest} moves it to the new log start: the records in between were
 * acknowledged and never read, which the checker reports as {@code poll-skip} (the consumer's
 * successive polls jump over them), {@code lost-write} and {@code unseen}. With Kafka's default
 * retention ({@code --set retention.ms=version}, 7 days) the consumer catches up and reads
 * everything; with {@code --set auto.offset.reset=none} its poll fails with offset-out-of-range
 * instead of skipping, and the unread records are still reported as unseen.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RetentionResetScenario {
    static final String NAME = "kafka/retention-reset";
    /** The consumer's max.poll.records: about 10 records a second at its poll rate, half the write rate. */
    static final int POLL_RECORDS = 5;

    static final String DESCRIPTION =
            "FIDELITY C8.3: a consumer lagging behind retention.ms gets OFFSET_OUT_OF_RANGE and "
                    + "auto.offset.reset=earliest skips the deleted records (poll-skip); with the default "
                    + "retention it reads everything";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "3.7", "acks", "all", "min.insync.replicas", "2",
                    "retention.ms", "10000", "segment.ms", "2000", "log.retention.check.interval.ms", "1000",
                    "request.timeout.ms", "2000", "delivery.timeout.ms", "10000"),
            90 * Simulation.SECONDS, RetentionResetScenario::run, KafkaConfig::fromSettings);

    private RetentionResetScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(3, 1, 3));
        c.addProducer(2, 100 * Simulation.MILLIS, 30 * Simulation.SECONDS);
        c.addConsumer(500 * Simulation.MILLIS, 0, POLL_RECORDS);
        run.runForDuration();
        return KafkaRunResult.of(run, c, true, List.of());
    }
}
