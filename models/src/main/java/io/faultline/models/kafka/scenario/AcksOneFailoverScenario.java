package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code kafka/acks-1-failover}: with {@code acks=1} the leader acknowledges once the record is in
 * its own log, so writes are lost when it fails before the followers fetch them (FIDELITY C3,
 * "Leader fails before followers replicate"). Three brokers, one partition, RF 3: the followers stop
 * reaching the leader's data port, the leader keeps acknowledging, then it loses power; a follower
 * still in the ISR is elected cleanly and later writes reuse the lost offsets. With
 * {@code --set acks=all} the same faults lose nothing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AcksOneFailoverScenario {
    static final String NAME = "kafka/acks-1-failover";

    static final String DESCRIPTION =
            "FIDELITY C3: acks=1 loses acknowledged writes when the leader fails before its followers fetch "
                    + "them; nothing lost with acks=all";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "3.7", "acks", "1", "request.timeout.ms", "2000",
                    "delivery.timeout.ms", "10000"),
            40 * Simulation.SECONDS, AcksOneFailoverScenario::run, KafkaConfig::fromSettings);

    private AcksOneFailoverScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(3, 1, 3));
        Simulation sim = run.sim();
        c.addScriptedClients(2, spec.durationNanos());
        long s = Simulation.SECONDS;
        sim.at(5 * s, "followers stop reaching the leader's data port", () -> {
            HostId leader = c.hostOf(c.leaderOf(0));
            for (int r : c.replicas(0)) {
                if (c.hostOf(r) != leader) {
                    sim.network().cutChannel(leader, c.hostOf(r), KafkaMessage.DATA);
                }
            }
        });
        sim.at(7 * s, "the leader loses power before its followers fetch", () -> c.brokerHost(c.leaderOf(0)).crash());
        sim.at(8 * s, "heal the network (the old leader stays down)", () -> sim.network().healAll());
        sim.at(20 * s, "the old leader restarts as a follower", () -> sim.healAll());
        run.runForDuration();
        return KafkaRunResult.of(run, c, true, List.of());
    }
}
