package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.checker.Outcome;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The divergence check compares settled views only: a deposed leader that has not heard of its
 * successor keeps an uncommitted suffix it will truncate (FIDELITY C5), which is not divergence;
 * a follower that truncated by the wrong rule and diverged still fails (C5.4).
 */
class ReplicasAgreeTest {
    private static final long S = Simulation.SECONDS;

    @Test
    void anIsolatedDeposedLeaderWithAnUncommittedSuffixIsNotDivergence() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("acks", "all");
        m.put("min.insync.replicas", "2");
        m.put("request.timeout.ms", "2000");
        m.put("delivery.timeout.ms", "10000");
        Simulation sim = new Simulation(7);
        KafkaCluster c = KafkaCluster.create(sim, KafkaConfig.of(m), new ClusterShape(3, 1, 3));
        c.addProducer(2, 50 * Simulation.MILLIS, 40 * S);
        c.addProducer(2, 50 * Simulation.MILLIS, 40 * S);
        sim.run(3 * S);
        int old = c.leaderOf(0);
        // The zombie keeps its producer (which cannot reach the controller for new metadata), so it
        // appends records that never commit; the others elect a leader and append their own.
        List<io.faultline.sim.HostId> zombieSide = List.of(c.hostOf(old), c.clientHosts().get(0).id());
        List<io.faultline.sim.HostId> rest = new java.util.ArrayList<>(List.of(c.controllerHost().id()));
        for (int b = 0; b < 3; b++) {
            if (b != old) {
                rest.add(c.hostOf(b));
            }
        }
        sim.network().partition(List.of(zombieSide, rest));
        sim.run(25 * S);
        int now = c.leaderOf(0);
        assertTrue(now != old && c.broker(old).orElseThrow().isLeader(0), "b" + (old + 1) + " is a zombie leader");
        long common = Math.min(c.leo(old, 0), c.leo(now, 0));
        boolean differs = false;
        for (long o = 0; o < common; o++) {
            differs |= !c.log(old, 0).orElseThrow().get(o).equals(c.log(now, 0).orElseThrow().get(o));
        }
        assertTrue(differs, "the zombie's suffix differs from the new leader's log at some offset");
        assertEquals(Outcome.VALID, KafkaRunResult.replicasAgree(c).outcome(), KafkaRunResult.replicasAgree(c).detail());
        sim.network().healAll();
        sim.run(40 * S);
        assertEquals(Outcome.VALID, KafkaRunResult.replicasAgree(c).outcome(), "after the heal it truncated and follows");
    }

    @Test
    void aFollowerThatDivergedUnderKip101StillFails() {
        RunResult r = Kip279Scenario.SCENARIO.run(Kip279Scenario.SCENARIO.spec(1, List.of("kafka.version=0.11"), Optional.empty()));
        assertEquals(Outcome.INVALID, r.checks().stream().filter(ch -> ch.name().startsWith("replica logs do not diverge"))
                .findFirst().orElseThrow().outcome());
    }
}
