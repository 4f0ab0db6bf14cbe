package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.models.kafka.workload.JobInput;
import io.faultline.models.kafka.workload.TransactionalProducer;
import io.faultline.sim.Host;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code kafka/read-committed}: a reader at Kafka's default {@code isolation.level=read_uncommitted}
 * reads aborted transactions (FIDELITY C12.5). A transactional writer ({@code transactional.id=job})
 * writes three records per transaction and aborts about one transaction in three; at 25 s its host
 * crashes mid-transaction and stays down, so the coordinator aborts that transaction when
 * {@code transaction.timeout.ms} (60 s) runs out (C12.2). The reader polls up to the HW and hands the
 * aborted records to its application: an aborted read (G1a). With
 * {@code --set isolation.level=read_committed} it reads up to the last stable offset and drops
 * the aborted records (C12.3): nothing aborted is read, and every committed record is, once the
 * hung transaction is aborted.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReadCommittedScenario {
    static final String NAME = "kafka/read-committed";

    static final String DESCRIPTION =
            "FIDELITY C12.5: a read_uncommitted reader reads aborted transactions (G1a); none read with "
                    + "isolation.level=read_committed";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "3.7", "acks", "all", "min.insync.replicas", "2",
                    "transactional.id", "job", "isolation.level", "read_uncommitted"),
            120 * Simulation.SECONDS, ReadCommittedScenario::run, KafkaConfig::fromSettings);

    private ReadCommittedScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(3, 2, 3));
        long s = Simulation.SECONDS;
        Host writer = c.addTransactionalProducer(new JobInput(), 3, 33, 0, spec.durationNanos() - 20 * s);
        c.addConsumer(100 * Simulation.MILLIS);
        if (run.runUntil(25 * s) == RunStatus.REACHED_TIME) {
            run.await(() -> writer.process(TransactionalProducer.class).map(TransactionalProducer::betweenSendsAndEnd)
                    .orElse(false), 10 * s);
            writer.crash();
            run.runForDuration();
        }
        return KafkaRunResult.of(run, c, true, List.of());
    }
}
