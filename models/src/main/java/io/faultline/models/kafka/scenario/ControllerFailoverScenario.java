package io.faultline.models.kafka.scenario;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.models.kafka.server.ControllerSeat;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code kafka/controller-failover}: in the ZooKeeper era the controller is a broker, and when it
 * dies no leader is elected until its session expires, another broker wins {@code /controller} and
 * has read the cluster's state back (FIDELITY C4.1). Kafka 2.0, three brokers, one partition, RF 3:
 * b1 is both the controller and the partition's leader, and crashes at 5 s. The partition stays
 * without a leader for {@code zookeeper.session.timeout.ms} (6 s) plus the new controller's load
 * time ({@code kafka.controller.load.ms=20000}, a cluster with many partitions), longer than the
 * producer's {@code delivery.timeout.ms} (15 s): sends expire unacknowledged. Nothing is lost, so
 * Jepsen's check passes; the scenario's own check reports the sends the failover window cost. With
 * {@code --set kafka.version=3.7} (KRaft: the controller quorum is not on the failing broker and its
 * standbys already hold the metadata, KIP-500) the broker is fenced after
 * {@code broker.session.timeout.ms} and every send is acknowledged in time.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ControllerFailoverScenario {
    static final String NAME = "kafka/controller-failover";

    static final String DESCRIPTION =
            "FIDELITY C4.1: a ZooKeeper-era controller broker that dies leaves its partitions leaderless until "
                    + "its session expires and the next controller has loaded the state: sends expire; none "
                    + "with KRaft (kafka.version=3.7)";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "2.0", "acks", "all", "min.insync.replicas", "2",
                    "kafka.controller.load.ms", "20000", "request.timeout.ms", "2000", "delivery.timeout.ms", "15000"),
            60 * Simulation.SECONDS, ControllerFailoverScenario::run, KafkaConfig::fromSettings);

    private ControllerFailoverScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(3, 1, 3));
        Simulation sim = run.sim();
        c.addScriptedClients(2, spec.durationNanos());
        long s = Simulation.SECONDS;
        sim.at(5 * s, "the controller broker (also the leader) crashes", () -> {
            ControllerSeat seat = c.controller().seat();
            Host victim = c.brokerHost(seat.held() ? seat.holder() : c.leaderOf(0));
            victim.crash();
            sim.at(40 * s, "restart " + victim.name(), victim::restart);
        });
        run.runForDuration();
        return KafkaRunResult.of(run, c, true, List.of(sendsAcknowledged(c)));
    }

    /** Every send got an acknowledgement (C4.1): a send that failed or expired shows the window. */
    static CheckResult sendsAcknowledged(KafkaCluster c) {
        long failed = 0;
        long unknown = 0;
        for (Op op : c.history().ops()) {
            if (op.f().equals(KafkaOps.SEND)) {
                failed += op.type() == OpType.FAIL ? 1 : 0;
                unknown += op.type() == OpType.INFO ? 1 : 0;
            }
        }
        String name = "sends acknowledged through the controller failover (C4.1)";
        return failed + unknown == 0 ? CheckResult.valid(name, "every send was acknowledged within delivery.timeout.ms")
                : CheckResult.invalid(name, failed + " sends failed and " + unknown + " expired with an unknown outcome "
                        + "while the partition had no leader");
    }
}
