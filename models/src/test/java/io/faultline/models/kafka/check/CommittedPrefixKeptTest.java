package io.faultline.models.kafka.check;

import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The no-loss invariant judges the leader the controller names, never a deposed leader that still
 * believes it leads (a stale view), and still fails when the current leader lost a committed record.
 */
class CommittedPrefixKeptTest {
    private static final long S = Simulation.SECONDS;

    private static KafkaConfig config(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return KafkaConfig.of(m);
    }

    @Test
    void aPausedLeaderThatWasReplacedIsNotJudged() {
        // The false alarm of issue 12 (seed 1 at 0.11): the zombie b1 still believes it leads with a
        // short log while b2, elected after b1's session expired, has committed more.
        Simulation sim = new Simulation(3);
        KafkaCluster c = KafkaCluster.create(sim, config("kafka.version", "0.11", "acks", "all",
                "min.insync.replicas", "2", "unclean.leader.election.enable", "false", "request.timeout.ms", "2000",
                "delivery.timeout.ms", "10000"), new ClusterShape(3, 1, 3));
        c.addProducer(2, 50 * Simulation.MILLIS, 25 * S);
        sim.run(3 * S);
        int old = c.leaderOf(0);
        c.brokerHost(old).pause();
        sim.run(20 * S);
        assertTrue(c.leaderOf(0) != old, "the session expired and another replica leads");
        assertTrue(c.broker(old).orElseThrow().isLeader(0), "the paused broker still believes it leads");
        long zombieLeo = c.leo(old, 0);
        long leaderHw = c.hw(c.leaderOf(0), 0);
        assertTrue(leaderHw > zombieLeo, "the new leader committed past the zombie's log end: "
                + leaderHw + " > " + zombieLeo);
        assertTrue(sim.violation().isEmpty(), sim.violation().toString());
        c.brokerHost(old).resume();
        sim.run(30 * S);
        assertTrue(sim.violation().isEmpty(), sim.violation().toString());
    }

    @Test
    void anUncleanElectionThatDropsCommittedRecordsFails() {
        // A true violation of the same rule (FIDELITY C9): the ISR shrinks to an isolated leader, which
        // commits alone; then an out-of-sync replica is elected and becomes the current leader.
        Simulation sim = new Simulation(3);
        KafkaCluster c = KafkaCluster.create(sim, config("kafka.version", "0.10", "acks", "all",
                "min.insync.replicas", "1", "unclean.leader.election.enable", "true",
                "replica.lag.time.max.ms", "2000", "zookeeper.session.timeout.ms", "3000"), new ClusterShape(3, 1, 3));
        sim.addInvariant(new KafkaInvariants.CommittedPrefixKept(c));
        c.addProducer(2, 50 * Simulation.MILLIS, 25 * S);
        sim.run(2 * S);
        int old = c.leaderOf(0);
        for (int b = 0; b < 3; b++) {
            if (b != old) {
                sim.network().cutChannel(c.hostOf(old), c.hostOf(b), KafkaMessage.DATA);
            }
        }
        sim.run(8 * S);
        sim.network().isolate(c.hostOf(old));
        sim.run(20 * S);
        assertTrue(sim.violation().isPresent(), "the elected replica lacks what the isolated leader committed");
        assertTrue(sim.violation().orElseThrow().toString().contains("lost committed offset"),
                sim.violation().toString());
    }

    @Test
    void judgeComparesTheRecordAtTheCommittedOffset() {
        ReplicaLog log = new ReplicaLog();
        log.appendAsLeader(0, 100, -1, -1);
        log.appendAsLeader(1, 101, -1, -1);
        assertTrue(KafkaInvariants.CommittedPrefixKept.judge(new long[] {1, 101}, log).isEmpty(),
                "same value at the offset, whatever epoch stamped it");
        assertTrue(KafkaInvariants.CommittedPrefixKept.judge(new long[] {-1, 0}, log).isEmpty(), "nothing committed yet");
        assertEquals("lost committed offset 1 (value 999)",
                KafkaInvariants.CommittedPrefixKept.judge(new long[] {1, 999}, log).orElseThrow());
        log.truncateTo(1);
        assertTrue(KafkaInvariants.CommittedPrefixKept.judge(new long[] {1, 101}, log).isPresent(), "truncated away");
    }
}
