package io.faultline.models.kafka.scenario;

import io.faultline.checker.Outcome;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.server.Controller;
import io.faultline.models.kafka.server.kraft.QuorumLog;
import io.faultline.models.kafka.server.kraft.RaftNode;
import io.faultline.models.kafka.wire.MetadataRecord;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KRaft controller quorum (FIDELITY C4.2): Raft over the metadata log, broker fencing, controller failover. */
class ControllerQuorumTest {
    private static final long S = Simulation.SECONDS;

    private static RaftNode raft(Host h) {
        return h.process(Controller.class).orElseThrow().raft().orElseThrow();
    }

    @Test
    void whenTheActiveControllerCrashesAnotherVoterLeadsAHigherEpochAndKeepsDeciding() {
        Simulation sim = new Simulation(5);
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(Map.of("kafka.version", "3.7", "controller.quorum.voters", "3")), new ClusterShape(3, 1, 3));
        sim.run(3 * S);
        Host first = c.activeControllerHost();
        assertEquals("c1", first.name(), "the run starts with a formed quorum led by c1");
        assertEquals(1, raft(first).epoch());
        first.crash();
        // The fetch timeout (2 s) then an election timeout of at most 2 s.
        sim.run(8 * S);
        Host next = c.activeControllerHost();
        assertNotEquals("c1", next.name());
        assertTrue(raft(next).epoch() >= 2, "a new leader has a higher epoch");
        // The new active controller fences a broker whose heartbeats stop and moves its leadership.
        c.brokerHost(0).crash();
        sim.run(8 * S + 9 * S + 2 * S);
        assertNotEquals(0, c.leaderOf(0), "the committed metadata names a new partition leader");
        int leader = c.leaderOf(0);
        assertTrue(c.broker(leader).orElseThrow().isLeader(0), "the broker acts on the committed record it fetched");
        first.restart();
        sim.run(25 * S);
        assertFalse(raft(first).leading() && raft(first).epoch() < raft(c.activeControllerHost()).epoch());
        assertEquals(raft(next).highWatermark(), raft(first).highWatermark(), "the restarted voter catches up by fetching");
        assertTrue(sim.violation().isEmpty(), sim.violation().toString());
    }

    @Test
    void aDeposedLeadersUncommittedDecisionsDoNotSurvive() {
        Simulation sim = new Simulation(7);
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(Map.of("kafka.version", "3.7", "controller.quorum.voters", "3",
                "broker.session.timeout.ms", "1500", "broker.heartbeat.interval.ms", "300")), new ClusterShape(3, 1, 3));
        sim.run(3 * S);
        Host c1 = c.voterHosts().get(0);
        long committedBefore = raft(c1).highWatermark();
        // c1 (the leader) keeps only b1: it stops hearing b2 and b3 and fences them, but cannot commit it.
        List<HostId> side = new ArrayList<>(List.of(c1.id(), c.hostOf(0)));
        List<HostId> rest = new ArrayList<>();
        for (Host h : sim.hosts()) {
            if (!side.contains(h.id())) {
                rest.add(h.id());
            }
        }
        sim.network().partition(List.of(side, rest));
        // Past check-quorum (1.5 x the 2 s fetch timeout): c1 resigns, c2 and c3 elect a leader.
        sim.run(10 * S);
        assertTrue(fences(raft(c1).log(), committedBefore) > 0, "the isolated leader wrote fences of b2 and b3");
        assertEquals(committedBefore, raft(c1).highWatermark(), "without a majority nothing it wrote is committed");
        assertFalse(raft(c1).leading(), "the isolated leader resigned");
        sim.network().healAll();
        sim.run(20 * S);
        Host leader = c.activeControllerHost();
        assertTrue(raft(leader).leading(), "the quorum has a leader again");
        assertEquals(0, fences(raft(c1).log(), committedBefore), "c1 truncated its uncommitted fences");
        QuorumLog lead = raft(leader).log();
        QuorumLog own = raft(c1).log();
        for (long o = 0; o < Math.min(lead.end(), own.end()); o++) {
            assertEquals(lead.get(o), own.get(o), "the voters' logs agree at offset " + o);
        }
        for (Host v : c.voterHosts()) {
            assertEquals(0, fences(raft(v).log(), committedBefore), v.name() + " holds none of the deposed leader's fences");
        }
        assertTrue(sim.violation().isEmpty(), sim.violation().toString());
    }

    /**
     * kafka/safe seed 46 with a quorum: b2 leads p0 with ISR [b2, b3], asks to add b1 (caught up
     * to the HW), then acks offset 409 with b3 alone while the quorum commits the expansion; b1's
     * link is cut, b2 and b3 crash, and b1, in the committed ISR, is elected without offset 409.
     * The leader must count the joiner in its HW until the controller decides (the maximal ISR, C1).
     */
    @Test
    void anIsrExpansionInFlightHoldsTheHwSoTheJoinerHasEveryCommittedRecord() {
        RunResult r = SafeScenario.SCENARIO.run(SafeScenario.SCENARIO.spec(46, List.of("controller.quorum.voters=3"), Optional.empty()));
        assertEquals(Outcome.VALID, r.outcome(), r.toString());
    }

    private static int fences(QuorumLog log, long from) {
        int n = 0;
        for (long o = from; o < log.end(); o++) {
            if (log.get(o).epoch() == 1 && log.get(o).record() instanceof MetadataRecord.BrokerFence) {
                n++;
            }
        }
        return n;
    }
}
