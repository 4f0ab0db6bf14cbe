package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.check.ExactlyOnce;
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
 * {@code kafka/zombie-producer}: without a {@code transactional.id} nothing fences a paused
 * instance of a job, and its replacement processes the same input again (FIDELITY C12.1, C12.6).
 * Instance 1 of a consume-transform-produce job writes three output records per input batch and
 * then commits its input position. At 10 s it is paused (a long GC pause) after writing a batch
 * and before committing it; at 20 s a replacement, instance 2, takes over from the committed
 * position and writes that batch's items again; at 30 s instance 1 resumes and carries on. A
 * read_committed reader sees items output twice: duplicate-output. With
 * {@code --set transactional.id=job} both instances share the id: instance 2's InitProducerId
 * bumps the producer epoch and aborts instance 1's open transaction, whose records the reader
 * drops, and instance 1's EndTxn is fenced (PRODUCER_FENCED): every item is output once.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ZombieProducerScenario {
    static final String NAME = "kafka/zombie-producer";

    static final String DESCRIPTION =
            "FIDELITY C12.1: a paused job instance without a transactional.id is not fenced and its "
                    + "replacement outputs its items again (duplicate-output); fenced with transactional.id=job";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "3.7", "acks", "all", "min.insync.replicas", "2",
                    "transactional.id", "unset", "isolation.level", "read_committed"),
            60 * Simulation.SECONDS, ZombieProducerScenario::run, KafkaConfig::fromSettings);

    private ZombieProducerScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(3, 2, 3));
        long s = Simulation.SECONDS;
        long stop = spec.durationNanos() - 15 * s;
        JobInput input = new JobInput();
        Host first = c.addTransactionalProducer(input, 3, 0, 0, stop);
        c.addTransactionalProducer(input, 3, 0, 20 * s, stop);
        c.addConsumer(100 * Simulation.MILLIS);
        if (run.runUntil(10 * s) == RunStatus.REACHED_TIME) {
            run.await(() -> first.process(TransactionalProducer.class).map(TransactionalProducer::betweenSendsAndEnd)
                    .orElse(false), 5 * s);
            first.pause();
            if (run.runUntil(30 * s) == RunStatus.REACHED_TIME) {
                first.resume();
                run.runForDuration();
            }
        }
        return KafkaRunResult.of(run, c, true, List.of(ExactlyOnce.check(c.history(), input)));
    }
}
