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
 * {@code kafka/kip-279}: fast leader fail-over leaves divergent logs under KIP-101 (KAFKA-6361,
 * FIDELITY C5.4). b1 plays A, b2 plays B; RF 2, min ISR 1 and unclean election on, as in Kafka's
 * acceptance test {@code logsShouldNotDivergeOnUncleanLeaderElections}.
 * <ol>
 *   <li>A leads epoch 0 and writes X1, which B replicates; then B stops reaching A's data port, and
 *       A appends X2, which B never gets.</li>
 *   <li>A is isolated; its session expires and B, still in the ISR, leads epoch 1 and writes Y at
 *       X2's offsets.</li>
 *   <li>A's session comes back but it still cannot reach B's data port, so it cannot truncate; B
 *       fails and A is elected (unclean) in epoch 2 with X2 intact, and writes on.</li>
 *   <li>B returns as a follower and asks where epoch 1 ends. A never had epoch 1: under KIP-101
 *       (0.11) it answers the start of epoch 2, and B keeps part of Y (divergence); under KIP-279
 *       (2.0) it answers epoch 0's end, and B truncates to the common prefix.</li>
 * </ol>
 * The verdict is the replica-divergence check. Acknowledged writes are lost in both versions here
 * (Y, by the unclean election, C4), so the Jepsen anomalies are shown as information only.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Kip279Scenario {
    static final String NAME = "kafka/kip-279";

    static final String DESCRIPTION =
            "KIP-279 / KAFKA-6361 (FIDELITY C5.4): fast leader fail-over leaves divergent replica logs with "
                    + "kafka.version=0.11; none with 2.0";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "0.11", "acks", "all", "min.insync.replicas", "1",
                    "unclean.leader.election.enable", "true", "log.flush.interval.messages", "1",
                    "request.timeout.ms", "1000", "delivery.timeout.ms", "5000"),
            45 * Simulation.SECONDS, Kip279Scenario::run, KafkaConfig::fromSettings);

    private Kip279Scenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(2, 1, 2));
        Simulation sim = run.sim();
        c.addScriptedClients(1, spec.durationNanos());
        HostId a = c.hostOf(0);
        HostId b = c.hostOf(1);
        long s = Simulation.SECONDS;
        sim.at(3 * s, "B (b2) can no longer fetch from A (b1): X2 stays on A", () -> sim.network().cutChannel(a, b, KafkaMessage.DATA));
        sim.at(5 * s, "isolate A (b1): its session expires, B leads", () -> sim.network().isolate(a));
        sim.at(16 * s, "A's session returns, A still cannot reach B", () -> {
            sim.network().healAll();
            sim.network().cut(a, b);
        });
        sim.at(18 * s, "B (b2) fails: A is elected uncleanly with X2", () -> c.brokerHost(1).crash());
        sim.at(28 * s, "B (b2) returns as a follower", () -> {
            sim.network().healAll();
            c.brokerHost(1).restart();
        });
        run.runForDuration();
        return KafkaRunResult.of(run, c, false, List.of());
    }
}
