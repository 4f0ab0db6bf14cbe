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
 * {@code kafka/unclean-election}: "what if they all die?" (FIDELITY C4). Two brokers, RF 2,
 * min ISR 1, acks=all. The follower falls out of the ISR (it cannot reach the leader's data port
 * for longer than {@code replica.lag.time.max.ms}); the leader, alone in the ISR, keeps
 * acknowledging; then it fails. With {@code unclean.leader.election.enable=true} the out-of-sync
 * follower is elected and its log becomes the truth: acknowledged writes are lost. With it false
 * the partition stays offline (writes fail or time out) until the old leader returns: unavailable,
 * but nothing acknowledged is lost. The log is flushed on every message here, so that the failed
 * leader loses nothing to its own crash (without fsync a lone ISR member losing power loses data
 * either way, C1: Kafka does not assume stable storage).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class UncleanElectionScenario {
    static final String NAME = "kafka/unclean-election";

    static final String DESCRIPTION =
            "FIDELITY C4: unclean leader election loses acknowledged writes; with it off the partition is "
                    + "unavailable instead";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "3.7", "unclean.leader.election.enable", "true",
                    "acks", "all", "min.insync.replicas", "1", "replica.lag.time.max.ms", "3000",
                    "log.flush.interval.messages", "1",
                    "request.timeout.ms", "2000", "delivery.timeout.ms", "10000"),
            50 * Simulation.SECONDS, UncleanElectionScenario::run, KafkaConfig::fromSettings);

    private UncleanElectionScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(2, 1, 2));
        Simulation sim = run.sim();
        c.addScriptedClients(2, spec.durationNanos());
        long s = Simulation.SECONDS;
        HostId leader = c.hostOf(0);
        HostId follower = c.hostOf(1);
        sim.at(3 * s, "the follower cannot reach the leader's data port", () -> sim.network().cutChannel(leader, follower, KafkaMessage.DATA));
        sim.at(12 * s, "the leader, alone in the ISR, fails", () -> c.brokerHost(0).crash());
        sim.at(13 * s, "heal the network", () -> sim.network().healAll());
        sim.at(30 * s, "the old leader returns", () -> sim.healAll());
        run.runForDuration();
        return KafkaRunResult.of(run, c, true, List.of());
    }
}
