package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void eventsRunInTimeOrderThenInSchedulingOrder() {
        Simulation sim = new Simulation(1);
        List<String> order = new ArrayList<>();
        sim.at(20, "late", () -> order.add("late"));
        sim.at(10, "first at 10", () -> order.add("10a"));
        sim.at(10, "second at 10", () -> order.add("10b"));
        sim.at(5, "early", () -> order.add("early"));
        sim.at(10, "third at 10", () -> order.add("10c"));
        assertEquals(RunStatus.REACHED_TIME, sim.run(100));
        assertEquals(List.of("early", "10a", "10b", "10c", "late"), order);
        assertEquals(100, sim.now());
    }

    @Test
    void runStopsAtItsTimeAndResumesLater() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        for (long t = 10; t <= 50; t += 10) {
            long at = t;
            sim.at(t, "t" + t, () -> fired.add(at));
        }
        sim.run(30);
        assertEquals(List.of(10L, 20L, 30L), fired);
        sim.run(100);
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L), fired);
    }

    @Test
    void pingPongIsDeterministicPerSeedAndDiffersAcrossSeeds() {
        Simulation a = PingPong.game(7);
        Simulation b = PingPong.game(7);
        Simulation c = PingPong.game(8);
        a.run(Simulation.SECONDS);
        b.run(Simulation.SECONDS);
        c.run(Simulation.SECONDS);
        assertTrue(a.trace().count(TraceKind.DELIVER) > 100);
        assertEquals(a.trace().hash(), b.trace().hash());
        assertEquals(a.eventCount(), b.eventCount());
        assertNotEquals(a.trace().hash(), c.trace().hash());
    }

    @Test
    void eventBoundStopsAnEndlessRun() {
        Simulation sim = new Simulation(3, new Bounds(1_000, Simulation.DAYS));
        sim.addHost("a", self -> new PingPong.Player(self, true));
        RunStatus status = sim.run(Simulation.DAYS);
        assertEquals(RunStatus.EVENT_BOUND, status);
        assertEquals(1_000, sim.eventCount());
        assertTrue(status.isBound());
    }

    @Test
    void timeBoundStopsARunThatAsksForMore() {
        Simulation sim = new Simulation(3, new Bounds(1_000_000, Simulation.SECONDS));
        sim.at(2 * Simulation.SECONDS, "too late", () -> { });
        assertEquals(RunStatus.TIME_BOUND, sim.run(Simulation.MINUTES));
    }

    @Test
    void runUntilStopsWhenTheConditionHoldsOrAtItsLimit() {
        Simulation sim = PingPong.game(5);
        RunStatus met = sim.runUntil(() -> sim.trace().count(TraceKind.DELIVER) >= 10, Simulation.SECONDS);
        assertEquals(RunStatus.CONDITION_MET, met);
        assertEquals(10, sim.trace().count(TraceKind.DELIVER));
        RunStatus never = sim.runUntil(() -> false, sim.now() + Simulation.MILLIS);
        assertEquals(RunStatus.LIMIT_REACHED, never);
    }

    @Test
    void invariantViolationStopsTheRunWithTheEvent() {
        Simulation sim = PingPong.game(5);
        sim.addInvariant(Invariant.of("fewer than 5 deliveries", s -> s.trace().count(TraceKind.DELIVER) < 5));
        assertEquals(RunStatus.INVARIANT_VIOLATED, sim.run(Simulation.SECONDS));
        Violation v = sim.violation().orElseThrow();
        assertEquals("fewer than 5 deliveries", v.invariant());
        assertTrue(v.event().startsWith("deliver "), v.event());
        assertEquals(5, sim.trace().count(TraceKind.DELIVER));
    }
}
