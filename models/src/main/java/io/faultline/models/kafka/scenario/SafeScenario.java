package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Liveness;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;

import java.util.List;

/**
 * {@code kafka/safe}: today's safe configuration (FIDELITY F7: RF 3, min.insync.replicas=2,
 * acks=all, unclean election off, idempotent producer; Kafka 3.7 with its HW rule of C1) under
 * random faults ({@link KafkaNemesis}: partitions, per-channel cuts, crashes, pauses, clock faults)
 * for the first two thirds of the run; then every fault heals, producers stop and consumers drain.
 * Expected: no anomaly the checker forbids, replicas agree, the no-loss invariant holds, and writes
 * resume after the heal.
 */
public final class SafeScenario {
    static final String NAME = "kafka/safe";

    static final Scenario SCENARIO = ScenarioKit.scenario(NAME,
            "FIDELITY F7: RF 3, min.insync.replicas=2, acks=all, no unclean election, idempotent producer under "
                    + "partitions, crashes and clock faults: no acknowledged write lost, no anomaly",
            ScenarioKit.schema(ScenarioKit.defaults("kafka.version", "3.7", "acks", "all", "min.insync.replicas", "2",
                    "unclean.leader.election.enable", "false", "enable.idempotence", "true",
                    "request.timeout.ms", "2000", "delivery.timeout.ms", "10000")),
            45 * Simulation.SECONDS, SafeScenario::run);

    private SafeScenario() {
    }

    static RunResult run(RunSpec spec) {
        KafkaConfig config = KafkaConfig.fromSettings(spec.settings());
        Simulation sim = new Simulation(spec.seed());
        KafkaCluster c = KafkaCluster.create(sim, config, new ClusterShape(3, 2, 3));
        long end = spec.durationNanos();
        long faultsEnd = end * 2 / 3;
        long s = Simulation.SECONDS;
        c.addProducer(2, 100 * Simulation.MILLIS, end - 8 * s);
        c.addConsumer(100 * Simulation.MILLIS);
        sim.install(spec.faults().orElseGet(() -> new KafkaNemesis(c, 3 * s, faultsEnd)));
        RunStatus status = sim.run(faultsEnd);
        if (status != RunStatus.REACHED_TIME) {
            return ScenarioKit.result(NAME, spec, c, status, true, List.of());
        }
        sim.healAll();
        int before = c.recorder().size();
        CheckResult live = Liveness.await(sim, "writes complete again after the heal",
                () -> c.recorder().size() > before + 20, 20 * s);
        status = sim.run(Math.max(end, sim.now()));
        return ScenarioKit.result(NAME, spec, c, status, true, List.of(live));
    }
}
