package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HostTest {
    record Note(String text) implements Message {
    }

    record Wake(String tag) implements Timer {
    }

    record Synced(String file) implements Timer {
    }

    /** Remembers messages in memory, and writes "durable" ones to disk with an fsync. */
    static final class Keeper implements Process {
        final List<String> memory = new ArrayList<>();
        final List<String> events;
        String recovered = "";

        Keeper(List<String> events) {
            this.events = events;
        }

        @Override
        public void onStart(Context ctx) {
            DiskRead r = ctx.disk().read("state");
            if (r instanceof DiskRead.Ok ok) {
                recovered = new String(ok.bytes(), StandardCharsets.UTF_8);
            }
            events.add("start@" + ctx.now() + " recovered=" + recovered);
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof Note n) {
                memory.add(n.text());
                events.add("msg " + n.text() + "@" + ctx.now());
                ctx.disk().append("state", (n.text() + ";").getBytes(StandardCharsets.UTF_8));
                if (n.text().startsWith("sync")) {
                    ctx.disk().fsync(new Synced("state"));
                }
            }
        }

        @Override
        public void onTimer(Context ctx, Timer t) {
            events.add("timer " + t + "@" + ctx.now());
        }
    }

    /** Sends a note to a target at given true times, via environment actions on a sender host. */
    static final class Sender implements Process {
        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
        }
    }

    private static final long MS = Simulation.MILLIS;

    private Simulation sim;
    private final List<String> events = new ArrayList<>();
    private Host keeper;
    private Host sender;
    private final Context[] senderCtx = new Context[1];

    private void setUp() {
        sim = new Simulation(1);
        sim.network().defaultLink(LinkSpec.of(Latency.constant(MS)));
        keeper = sim.addHost("keeper", self -> new Keeper(events));
        sender = sim.addHost("sender", self -> new Process() {
            @Override
            public void onStart(Context ctx) {
                senderCtx[0] = ctx;
            }

            @Override
            public void onMessage(Context ctx, HostId from, Message m) {
            }
        });
    }

    private void sendAt(long t, String text) {
        sim.at(t, "send " + text, () -> senderCtx[0].send(keeper.id(), new Note(text)));
    }

    private Keeper keeperProcess() {
        return keeper.process(Keeper.class).orElseThrow();
    }

    @Test
    void crashLosesVolatileStateAndUnsyncedWritesRestartRecoversSyncedOnes() {
        setUp();
        sendAt(10 * MS, "sync-a");
        sendAt(20 * MS, "b");
        sim.at(30 * MS, "crash", () -> keeper.crash());
        sim.at(40 * MS, "restart", () -> keeper.restart());
        sim.run(50 * MS);
        Keeper k = keeperProcess();
        assertTrue(k.memory.isEmpty(), "memory survived the crash: " + k.memory);
        assertEquals("sync-a;", k.recovered);
        assertEquals(2, keeper.incarnation());
        assertEquals(1, sim.trace().count(TraceKind.CRASH));
    }

    @Test
    void anFsyncInterruptedByACrashDoesNotMakeWritesDurable() {
        setUp();
        keeper.disk().fsyncLatency(5 * MS);
        sendAt(10 * MS, "sync-a");                     // arrives at 11 ms, durable at 16 ms
        sim.at(13 * MS, "crash", () -> keeper.crash());
        sim.at(20 * MS, "restart", () -> keeper.restart());
        sim.run(30 * MS);
        assertEquals("", keeperProcess().recovered);
        assertFalse(events.stream().anyMatch(e -> e.startsWith("timer")), events.toString());
    }

    @Test
    void messagesToACrashedHostAreDroppedAndItsTimersDoNotFire() {
        setUp();
        sim.at(10 * MS, "crash", () -> keeper.crash());
        sendAt(11 * MS, "lost");
        sim.run(20 * MS);
        assertTrue(keeper.process().isEmpty());
        assertEquals(1, sim.trace().count(TraceKind.DROP));
        assertEquals(Trace.Fate.HOST_DOWN, sim.trace().messages().get(0).fate());
    }

    @Test
    void pauseDelaysDeliveriesAndTimersUntilResume() {
        setUp();
        sim.at(5 * MS, "pause", () -> keeper.pause());
        sendAt(10 * MS, "x");
        sendAt(12 * MS, "y");
        sim.at(30 * MS, "resume", () -> keeper.resume());
        sim.run(40 * MS);
        assertTrue(events.contains("msg x@" + 30 * MS), events.toString());
        assertTrue(events.contains("msg y@" + 30 * MS), events.toString());
        assertEquals(List.of("x", "y"), keeperProcess().memory);
    }

    @Test
    void clockSkewDriftAndJumpsAreSeenByNow() {
        setUp();
        Clock c = keeper.clock();
        sim.run(10 * MS);
        assertEquals(10 * MS, c.now());
        c.skew(-3 * MS);
        assertEquals(7 * MS, c.now());
        c.driftPpm(100_000);                           // 10% fast, for a visible effect
        sim.run(20 * MS);
        assertEquals(7 * MS + 11 * MS, c.now());
        c.jump(Simulation.SECONDS);
        assertEquals(18 * MS + Simulation.SECONDS, c.now());
        sendAt(25 * MS, "late");
        sim.run(30 * MS);
        assertTrue(events.contains("msg late@" + (18 * MS + Simulation.SECONDS + (6 * MS * 11 / 10))), events.toString());
        assertEquals(3, sim.trace().faultCount());
    }

    @Test
    void timersAreMeasuredOnTheLocalClockRate() {
        Simulation s = new Simulation(2);
        List<Long> fired = new ArrayList<>();
        Host h = s.addHost("h", self -> new Process() {
            @Override
            public void onStart(Context ctx) {
                ctx.setTimer(110 * MS, new Wake("w"));
            }

            @Override
            public void onMessage(Context ctx, HostId from, Message m) {
            }

            @Override
            public void onTimer(Context ctx, Timer t) {
                fired.add(s.now());
            }
        });
        h.clock().driftPpm(100_000);
        s.run(Simulation.SECONDS);
        assertEquals(List.of(100 * MS), fired);
    }

    @Test
    void cancelledTimersDoNotFire() {
        Simulation s = new Simulation(2);
        List<String> fired = new ArrayList<>();
        s.addHost("h", self -> new Process() {
            @Override
            public void onStart(Context ctx) {
                TimerId a = ctx.setTimer(10 * MS, new Wake("a"));
                ctx.setTimer(20 * MS, new Wake("b"));
                assertTrue(ctx.cancel(a));
                assertFalse(ctx.cancel(a));
                assertFalse(a.isPending());
            }

            @Override
            public void onMessage(Context ctx, HostId from, Message m) {
            }

            @Override
            public void onTimer(Context ctx, Timer t) {
                fired.add(((Wake) t).tag());
            }
        });
        s.run(Simulation.SECONDS);
        assertEquals(List.of("b"), fired);
    }

    @Test
    void cpuServiceTimeQueuesMessagesInArrivalOrder() {
        setUp();
        keeper.cpuServiceTime(10 * MS);
        sendAt(10 * MS, "a");                          // arrives 11, served 11-21
        sendAt(10 * MS, "b");                          // arrives 11, served 21-31
        sendAt(12 * MS, "c");                          // arrives 13, served 31-41
        sim.run(Simulation.SECONDS);
        assertEquals(List.of("msg a@" + 21 * MS, "msg b@" + 31 * MS, "msg c@" + 41 * MS),
                events.stream().filter(e -> e.startsWith("msg")).toList());
    }

    @Test
    void restartOfARunningHostCrashesItFirst() {
        setUp();
        sendAt(1 * MS, "volatile");
        sim.at(5 * MS, "restart", () -> keeper.restart());
        sim.run(10 * MS);
        assertTrue(keeperProcess().memory.isEmpty());
        assertEquals(1, sim.trace().count(TraceKind.CRASH));
        assertEquals(1, sim.trace().count(TraceKind.RESTART));
        assertInstanceOf(Keeper.class, keeper.process().orElseThrow());
    }
}
