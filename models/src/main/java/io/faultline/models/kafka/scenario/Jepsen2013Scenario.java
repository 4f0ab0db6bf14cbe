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
 * {@code kafka/jepsen-2013}: Jepsen's "Call me maybe: Kafka" (FIDELITY C9) on Kafka 0.8: five
 * brokers, a topic of five partitions with replication factor five, producers with acks=-1 and
 * one retry. The broker leading the most partitions is isolated in the Kafka protocol only (its
 * data port, a per-channel cut; its session with the controller survives): followers fall out of
 * the ISR, which shrinks to the leader, which keeps acknowledging. Then it is partitioned fully; its
 * session expires and out-of-ISR replicas are elected (0.8 elects uncleanly). After the heal it
 * rejoins as a follower and truncates as 0.8's source does (FIDELITY C5.1, which settles C9 step 7:
 * to its own HW, then to the new leader's log end, keeping divergent records below it). The writes
 * it acknowledged alone are not in the new leader's log: lost, on every seed (1-200 measured).
 * {@code min.insync.replicas=2} or {@code unclean.leader.election.enable=false} each stop the loss
 * (no lost write on seeds 1-200) but not the other anomalies: duplicates, since 0.8's producer
 * retries without idempotence (C6), and with min ISR 2 the old leader's divergent prefix (C5.1) and
 * reads of records it appended but refused, which are indefinite sends (:info), not aborted reads.
 * Today's defaults ({@code kafka.version=3.7}) pass on every seed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Jepsen2013Scenario {
    static final String NAME = "kafka/jepsen-2013";

    static final String DESCRIPTION =
            "Jepsen 2013 (FIDELITY C9, C5.1): Kafka 0.8 loses acknowledged writes (every seed) when an isolated "
                    + "leader shrinks the ISR to itself and an out-of-sync replica is then elected; it passes with "
                    + "kafka.version=3.7";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            KafkaKeys.schema("kafka.version", "0.8", "acks", "all", "min.insync.replicas", "1",
                    "retries", "1", "retry.backoff.ms", "1000", "request.timeout.ms", "1000",
                    "delivery.timeout.ms", "5000"),
            60 * Simulation.SECONDS, Jepsen2013Scenario::run, KafkaConfig::fromSettings);

    private Jepsen2013Scenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
        KafkaCluster c = KafkaCluster.create(run, KafkaConfig.fromSettings(spec.settings()), new ClusterShape(5, 5, 5));
        Simulation sim = run.sim();
        long s = Simulation.SECONDS;
        c.addProducer(5, 100 * Simulation.MILLIS, spec.durationNanos() - 10 * s);
        // As in Jepsen's test, what judges is the log after the heal: a live consumer that lags far
        // behind the writers (at most 5 records per ~500 ms poll) and one that reads every partition
        // from offset 0 after the heal (Jepsen's final drain). A consumer at the head would read the
        // isolated leader's writes before they are lost (inconsistent-offsets, not lost-write).
        c.addConsumer(500 * Simulation.MILLIS, 0, SafeScenario.LAGGING_POLL_RECORDS);
        c.addConsumer(100 * Simulation.MILLIS, 41 * s);
        int[] victim = {0};
        sim.at(5 * s, "isolate the busiest leader on the Kafka data port only", () -> {
            victim[0] = busiestLeader(c);
            HostId v = c.hostOf(victim[0]);
            for (int b = 0; b < c.brokerHosts().size(); b++) {
                if (b != victim[0]) {
                    sim.network().cutChannel(v, c.hostOf(b), KafkaMessage.DATA);
                }
            }
        });
        sim.at(25 * s, "partition the leader fully: its session expires", () -> sim.network().isolate(c.hostOf(victim[0])));
        sim.at(40 * s, "heal", () -> sim.network().healAll());
        run.runForDuration();
        return KafkaRunResult.of(run, c, true, List.of());
    }

    /** The broker leading the most partitions (the lowest id on ties), as Jepsen picked it. */
    static int busiestLeader(KafkaCluster c) {
        int[] counts = new int[c.brokerHosts().size()];
        for (int p = 0; p < c.partitions(); p++) {
            int l = c.leaderOf(p);
            if (l >= 0) {
                counts[l]++;
            }
        }
        int best = 0;
        for (int b = 1; b < counts.length; b++) {
            if (counts[b] > counts[best]) {
                best = b;
            }
        }
        return best;
    }
}
