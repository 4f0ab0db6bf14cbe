package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LifecycleTest {
    record Tick() implements Timer {
    }

    private static final long MS = Simulation.MILLIS;

    @Test
    void timersOfACrashedIncarnationNeverFire() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        Host h = sim.addHost("h", self -> new Process() {
            @Override
            public void onStart(Context ctx) {
                ctx.setTimer(20 * MS, new Tick());
            }

            @Override
            public void onMessage(Context ctx, HostId from, Message m) {
            }

            @Override
            public void onTimer(Context ctx, Timer t) {
                fired.add(sim.now());
            }
        });
        sim.at(10 * MS, "crash", h::crash);
        sim.at(15 * MS, "restart", h::restart);
        sim.run(Simulation.SECONDS);
        assertEquals(List.of(35 * MS), fired);
    }

    @Test
    void aFaultPlanInstallsTimedFaultsAndHealAllUndoesThem() {
        Simulation sim = new Simulation(1);
        Host a = sim.addHost("a", self -> (ctx, from, m) -> { });
        Host b = sim.addHost("b", self -> (ctx, from, m) -> { });
        FaultPlan plan = s -> {
            s.at(MS, "isolate a", () -> s.network().isolate(a.id()));
            s.at(2 * MS, "crash b", b::crash);
            s.at(3 * MS, "pause a", a::pause);
        };
        sim.install(plan);
        sim.run(5 * MS);
        assertTrue(sim.network().isPartitioned());
        assertTrue(!b.isUp() && a.isPaused());
        sim.healAll();
        assertTrue(!sim.network().isPartitioned() && b.isUp() && !a.isPaused());
        assertEquals(List.of("isolate a", "crash", "pause", "heal all", "resume", "restart"),
                sim.trace().faults().stream().map(Trace.FaultEvent::description).toList());
    }

    @Test
    void livenessIsValidWhenProgressComesInTimeAndInvalidOtherwise() {
        Simulation sim = PingPong.game(1);
        CheckResult soon = Liveness.await(sim, "ten deliveries", () -> sim.trace().count(TraceKind.DELIVER) >= 10,
                Simulation.SECONDS);
        assertEquals(Outcome.VALID, soon.outcome(), soon.detail());
        CheckResult never = Liveness.await(sim, "never", () -> false, 10 * MS);
        assertEquals(Outcome.INVALID, never.outcome());
        Simulation bounded = new Simulation(1, new Bounds(5, Simulation.DAYS));
        bounded.addHost("a", self -> new PingPong.Player(self, true));
        assertEquals(Outcome.UNKNOWN, Liveness.await(bounded, "bounded", () -> false, Simulation.SECONDS).outcome());
    }

    @Test
    void aContextOfACrashedIncarnationDoesNothing() {
        Simulation sim = new Simulation(1);
        Context[] old = new Context[1];
        List<Message> got = new ArrayList<>();
        Host a = sim.addHost("a", self -> new Process() {
            @Override
            public void onStart(Context ctx) {
                if (old[0] == null) {
                    old[0] = ctx;
                }
            }

            @Override
            public void onMessage(Context ctx, HostId from, Message m) {
            }
        });
        HostId b = sim.addHost("b", self -> (ctx, from, m) -> got.add(m)).id();
        sim.at(MS, "restart a", a::restart);
        sim.at(2 * MS, "stale send", () -> old[0].send(b, new PingPong.Msg.Ball(1)));
        sim.run(Simulation.SECONDS);
        assertTrue(got.isEmpty());
    }
}
