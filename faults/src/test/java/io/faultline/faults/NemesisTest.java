package io.faultline.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.sim.Context;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NemesisTest {
    static final long MS = Simulation.MILLIS;

    /** A process that holds the roles it is given; enough to test targeting. */
    record Holder(List<String> roles) implements Process, HasRoles {
        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
        }
    }

    static Simulation threeHosts(String leader) {
        Simulation sim = new Simulation(7);
        for (String n : List.of("n1", "n2", "n3")) {
            sim.addHost(n, self -> new Holder(n.equals(leader) ? List.of("leader", "servers") : List.of("servers")));
        }
        return sim;
    }

    @Test
    void aPartitionCutsItsShapeAndHealsAfterItsDuration() {
        Simulation sim = threeHosts("n2");
        Host n1 = sim.host("n1").orElseThrow();
        Host n2 = sim.host("n2").orElseThrow();
        Host n3 = sim.host("n3").orElseThrow();
        sim.install(new Nemesis(FaultSchedule.of(List.of(new FaultEvent.Partition(100 * MS,
                new PartitionShape.Isolate(new Target.Role("leader")), Optional.empty(), 50 * MS)))));
        sim.run(120 * MS);
        assertFalse(sim.network().connected(n2.id(), n1.id(), "default"), "the leader, n2, is cut off");
        assertFalse(sim.network().connected(n3.id(), n2.id(), "default"));
        assertTrue(sim.network().connected(n1.id(), n3.id(), "default"), "the others still talk");
        sim.run(200 * MS);
        assertFalse(sim.network().isPartitioned(), "healed after 50ms");
    }

    @Test
    void aChannelPartitionCutsThatChannelOnly() {
        Simulation sim = threeHosts("n1");
        Host n1 = sim.host("n1").orElseThrow();
        Host n2 = sim.host("n2").orElseThrow();
        sim.install(new Nemesis(FaultSchedule.of(List.of(new FaultEvent.Partition(10 * MS,
                new PartitionShape.Isolate(new Target.Host("n1")), Optional.of("replicate"), FaultEvent.UNTIL_HEALED)))));
        sim.run(20 * MS);
        assertFalse(sim.network().connected(n1.id(), n2.id(), "replicate"));
        assertTrue(sim.network().connected(n1.id(), n2.id(), "default"));
    }

    @Test
    void aRoleIsResolvedWhenTheFaultFiresAndSkippedIfNobodyHoldsIt() {
        Simulation sim = threeHosts("n3");
        Nemesis nemesis = new Nemesis(FaultSchedule.of(List.of(
                new FaultEvent.Crash(10 * MS, new Target.Role("leader"), 30 * MS),
                new FaultEvent.Crash(20 * MS, new Target.Role("leader"), FaultEvent.UNTIL_HEALED))));
        sim.install(nemesis);
        sim.run(25 * MS);
        assertFalse(sim.host("n3").orElseThrow().isUp(), "the leader crashed");
        assertEquals(1, nemesis.applied());
        assertEquals(1, nemesis.skipped(), "at 20ms the leader is down: no host holds the role");
        sim.run(50 * MS);
        assertTrue(sim.host("n3").orElseThrow().isUp(), "restarted after 30ms");
        assertTrue(sim.trace().faults().stream().anyMatch(f -> f.toString().contains("no host is role:leader now")));
    }

    @Test
    void healAllEndsEveryFaultAndIgnoresTheRestOfTheSchedule() {
        Simulation sim = threeHosts("n1");
        Host n1 = sim.host("n1").orElseThrow();
        Host n2 = sim.host("n2").orElseThrow();
        Host n3 = sim.host("n3").orElseThrow();
        var before = sim.network().link(n1.id(), n2.id());
        Nemesis nemesis = new Nemesis(FaultSchedule.of(List.of(
                new FaultEvent.Partition(MS, new PartitionShape.Halves(), Optional.empty(), FaultEvent.UNTIL_HEALED),
                new FaultEvent.Pause(MS, new Target.Host("n2"), FaultEvent.UNTIL_HEALED),
                new FaultEvent.Crash(MS, new Target.Host("n3"), FaultEvent.UNTIL_HEALED),
                new FaultEvent.ClockSkew(MS, new Target.Host("n1"), 5 * Simulation.SECONDS),
                new FaultEvent.ClockDrift(MS, new Target.Host("n1"), 300),
                new FaultEvent.SlowLink(MS, new Target.Host("n1"), 80 * MS, FaultEvent.UNTIL_HEALED),
                new FaultEvent.Duplicate(MS, 0.5, FaultEvent.UNTIL_HEALED),
                new FaultEvent.DiskFault(MS, new Target.Host("n1"), DiskFaultKind.FULL, FaultEvent.UNTIL_HEALED),
                new FaultEvent.Crash(100 * MS, new Target.Host("n1"), FaultEvent.UNTIL_HEALED))));
        sim.install(nemesis);
        sim.run(10 * MS);
        assertTrue(sim.network().isPartitioned());
        assertTrue(n2.isPaused());
        assertFalse(n3.isUp());
        assertNotEquals(before, sim.network().link(n1.id(), n2.id()));
        assertTrue(Math.abs(n1.clock().offset() - 5 * Simulation.SECONDS) < MS);
        nemesis.healAll();
        sim.run(200 * MS);
        assertFalse(sim.network().isPartitioned());
        assertFalse(n2.isPaused());
        assertTrue(n3.isUp());
        assertTrue(n1.isUp(), "the crash at 100ms came after the heal and was ignored");
        assertEquals(before, sim.network().link(n1.id(), n2.id()));
        assertEquals(0, n1.clock().offset());
        assertEquals(0.0, n1.clock().driftPpm());
    }

    @Test
    void overlappingLinkFaultsEndIndependently() {
        Simulation sim = threeHosts("n1");
        Host n1 = sim.host("n1").orElseThrow();
        Host n2 = sim.host("n2").orElseThrow();
        var before = sim.network().link(n1.id(), n2.id());
        sim.install(new Nemesis(FaultSchedule.of(List.of(
                new FaultEvent.SlowLink(10 * MS, new Target.Host("n1"), 80 * MS, 100 * MS),
                new FaultEvent.Duplicate(20 * MS, 0.3, 20 * MS)))));
        sim.run(30 * MS);
        assertEquals(0.3, sim.network().link(n1.id(), n2.id()).duplicate());
        sim.run(50 * MS);
        var slowOnly = sim.network().link(n1.id(), n2.id());
        assertEquals(0.0, slowOnly.duplicate(), "the burst ended");
        assertNotEquals(before, slowOnly, "the slow link still holds");
        sim.run(200 * MS);
        assertEquals(before, sim.network().link(n1.id(), n2.id()));
    }

    @Test
    void theSameScheduleAndSeedGiveTheSameTrace() {
        FaultSchedule s = ScheduleGen.forSeed(FaultSpace.of(Simulation.SECONDS,
                List.of(new Target.Random("servers"), new Target.Role("leader"))).withMaxEvents(12), 3);
        assertEquals(trace(s), trace(s));
    }

    private static String trace(FaultSchedule s) {
        Simulation sim = threeHosts("n1");
        sim.install(new Nemesis(s));
        sim.run(2 * Simulation.SECONDS);
        return sim.trace().hash();
    }
}
