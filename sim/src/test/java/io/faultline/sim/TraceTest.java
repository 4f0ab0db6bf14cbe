package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    void theMessageWindowKeepsOnlyTheMostRecentMessages() {
        Simulation sim = PingPong.game(1);
        sim.trace().messageWindow(10);
        sim.run(Simulation.SECONDS);
        List<Trace.MessageEvent> window = sim.trace().messages();
        assertEquals(10, window.size());
        assertTrue(sim.trace().messageCount() > 100);
        for (int i = 1; i < window.size(); i++) {
            assertTrue(window.get(i - 1).endNanos() <= window.get(i).endNanos());
        }
        Trace.MessageEvent last = window.get(window.size() - 1);
        assertTrue(last.sentNanos() < last.endNanos());
        assertTrue(last.summary().startsWith("Ball[n="), last.summary());
    }

    @Test
    void theMessageWindowIsASnapshotThatLaterEventsDoNotChange() {
        Simulation sim = PingPong.game(1);
        sim.trace().messageWindow(10);
        sim.run(Simulation.SECONDS);
        List<Trace.MessageEvent> snapshot = sim.trace().messages();
        List<Trace.MessageEvent> copy = List.copyOf(sim.trace().messages());
        sim.run(2 * Simulation.SECONDS);
        assertEquals(copy, snapshot, "read after the run went on, the snapshot still shows the first second");
        assertNotEquals(copy, sim.trace().messages());
        assertTrue(snapshot.get(9).endNanos() <= Simulation.SECONDS);
    }

    @Test
    void theLineSinkSeesEveryEventAndTheHashCoversThem() {
        Simulation sim = PingPong.game(1);
        List<String> lines = new ArrayList<>();
        sim.trace().lineSink(lines::add);
        String before = sim.trace().hash();
        sim.run(10 * Simulation.MILLIS);
        assertNotEquals(before, sim.trace().hash());
        assertEquals(sim.eventCount(), lines.stream().filter(l -> !l.contains(" LOG ")).count());
        assertTrue(lines.get(0).endsWith("START a start #1"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" DELIVER b <- a Ball[n=0]")), lines.toString());
    }

    @Test
    void faultsAndLogsAreKeptForTheReport() {
        Simulation sim = new Simulation(1);
        Host h = sim.addHost("h", self -> new Process() {
            @Override
            public void onStart(Context ctx) {
                ctx.log("hello");
            }

            @Override
            public void onMessage(Context ctx, HostId from, Message m) {
            }
        });
        sim.at(5, "crash", h::crash);
        sim.at(6, "restart", h::restart);
        sim.run(10);
        assertEquals(List.of(new Trace.FaultEvent(5, "h", "crash"), new Trace.FaultEvent(6, "h", "restart")),
                sim.trace().faults());
        assertEquals(List.of(new Trace.LogLine(0, "h", "hello"), new Trace.LogLine(6, "h", "hello")), sim.trace().logs());
    }

    @Test
    void messagesAroundAFaultAreKeptAfterTheRingMovedOn() {
        Simulation sim = PingPong.game(1);
        sim.trace().messageWindow(10);
        sim.at(100 * Simulation.MILLIS, "cut", () -> sim.recordFault("partition {a} | {b}"));
        sim.run(Simulation.SECONDS);
        long at = 100 * Simulation.MILLIS;
        List<Trace.MessageEvent> kept = sim.trace().messages();
        assertTrue(kept.stream().anyMatch(m -> m.endNanos() <= at), "messages just before the fault are kept");
        assertTrue(kept.stream().anyMatch(m -> m.endNanos() >= at && m.endNanos() < 500 * Simulation.MILLIS),
                "messages just after the fault are kept");
        // The ring's 10, the 10 it held at the fault (all there is of "before"), the AROUND after it.
        assertEquals(10 + 10 + KeptMessages.AROUND, kept.size());
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i - 1).endNanos() <= kept.get(i).endNanos(), "kept in the order recorded");
        }
        assertEquals(List.of(new Trace.Moment(at, TraceKind.FAULT, "", "partition {a} | {b}")), sim.trace().moments());
    }

    @Test
    void keepingMessagesAroundMomentsIsBoundedAndLeavesTheHashAlone() {
        Simulation many = PingPong.game(1);
        Simulation few = PingPong.game(1);
        many.trace().messageWindow(10);
        for (Simulation sim : List.of(many, few)) {
            for (int i = 1; i <= 200; i++) {
                sim.at(i * 4 * Simulation.MILLIS, "fault", () -> sim.recordFault("clock jump 1ns"));
            }
            sim.run(Simulation.SECONDS);
        }
        assertEquals(KeptMessages.MAX_MOMENTS, many.trace().moments().size(), "the first moments only");
        assertTrue(many.trace().messages().size() <= 10 + (KeptMessages.MAX_MOMENTS + 1) * 2 * KeptMessages.AROUND);
        assertEquals(few.trace().hash(), many.trace().hash(), "what is kept does not change the trace hash");
    }
}
