package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NetworkTest {
    record Data(int n) implements Message {
        @Override
        public String channel() {
            return "data";
        }
    }

    record Coord(int n) implements Message {
        @Override
        public String channel() {
            return "coord";
        }
    }

    record Big(int n) implements Message {
        @Override
        public int sizeBytes() {
            return 1_000;
        }
    }

    private static final long MS = Simulation.MILLIS;

    /** A host that records (arrival time, message) and whose context the test can use to send. */
    static final class Endpoint implements Process {
        final List<String> got = new ArrayList<>();
        Context ctx;

        @Override
        public void onStart(Context c) {
            ctx = c;
        }

        @Override
        public void onMessage(Context c, HostId from, Message m) {
            got.add(c.now() + " " + m);
        }
    }

    private final Simulation sim = new Simulation(4);
    private final Endpoint a = new Endpoint();
    private final Endpoint b = new Endpoint();
    private final Endpoint c = new Endpoint();
    private final HostId ia = sim.addHost("a", self -> a).id();
    private final HostId ib = sim.addHost("b", self -> b).id();
    private final HostId ic = sim.addHost("c", self -> c).id();

    private void sendAt(long t, Endpoint from, HostId to, Message m) {
        sim.at(t, "send", () -> from.ctx.send(to, m));
    }

    @Test
    void aCutDropsMessagesThatWouldArriveWhileItLastsEvenIfSentBefore() {
        sim.network().defaultLink(LinkSpec.of(Latency.constant(10 * MS)));
        sendAt(0, a, ib, new Data(1));                 // arrives at 10: cut at 5 -> dropped
        sendAt(20, a, ib, new Data(2));                // sent during the cut, arrives after heal
        sim.at(5 * MS, "cut", () -> sim.network().cut(ia, ib));
        sendAt(8 * MS, a, ib, new Data(3));            // arrives at 18: healed at 15 -> delivered
        sim.at(15 * MS, "heal", () -> sim.network().heal(ia, ib));
        sim.run(Simulation.SECONDS);
        assertEquals(List.of(18 * MS + " Data[n=3]"), b.got);
        assertEquals(2, sim.trace().count(TraceKind.DROP));
        assertTrue(sim.trace().messages().stream().anyMatch(e -> e.fate() == Trace.Fate.CUT));
    }

    @Test
    void aOneWayCutOnlyDropsThatDirection() {
        sim.network().defaultLink(LinkSpec.of(Latency.constant(MS)));
        sim.at(0, "cut", () -> sim.network().cutOneWay(ia, ib));
        sendAt(MS, a, ib, new Data(1));
        sendAt(MS, b, ia, new Data(2));
        sim.run(Simulation.SECONDS);
        assertTrue(b.got.isEmpty());
        assertEquals(1, a.got.size());
    }

    @Test
    void aChannelCutKeepsOtherChannelsBetweenTheSameHostsUp() {
        sim.network().defaultLink(LinkSpec.of(Latency.constant(MS)));
        sim.at(0, "cut data", () -> sim.network().cutChannel(ia, ib, "data"));
        sendAt(MS, a, ib, new Data(1));
        sendAt(MS, a, ib, new Coord(2));
        sendAt(MS, b, ia, new Data(3));
        sendAt(MS, a, ic, new Data(4));
        sim.run(Simulation.SECONDS);
        assertEquals(List.of(2 * MS + " Coord[n=2]"), b.got);
        assertTrue(a.got.isEmpty());
        assertEquals(1, c.got.size());
        assertFalse(sim.network().connected(ia, ib, "data"));
        assertTrue(sim.network().connected(ia, ib, "coord"));
    }

    @Test
    void partitionSeparatesGroupsAndIsolateCutsOneHostOff() {
        Network net = sim.network();
        sim.at(0, "partition", () -> net.partition(List.of(List.of(ia), List.of(ib, ic))));
        sim.run(1);
        assertFalse(net.connected(ia, ib, "default"));
        assertFalse(net.connected(ic, ia, "default"));
        assertTrue(net.connected(ib, ic, "default"));
        net.healAll();
        assertFalse(net.isPartitioned());
        net.isolate(ic);
        assertFalse(net.connected(ia, ic, "x"));
        assertFalse(net.connected(ic, ib, "x"));
        assertTrue(net.connected(ia, ib, "x"));
        assertEquals(3, sim.trace().faults().size());
    }

    @Test
    void lossDropsAboutTheConfiguredFraction() {
        sim.network().defaultLink(LinkSpec.of(Latency.constant(MS)).withLoss(0.3));
        for (int i = 0; i < 10_000; i++) {
            sendAt(MS, a, ib, new Data(i));
        }
        sim.run(Simulation.SECONDS);
        assertEquals(0.7, b.got.size() / 10_000.0, 0.02);
    }

    @Test
    void duplicationDeliversExtraCopies() {
        sim.network().defaultLink(LinkSpec.of(Latency.constant(MS)).withDuplicate(0.5));
        for (int i = 0; i < 2_000; i++) {
            sendAt(MS, a, ib, new Data(i));
        }
        sim.run(Simulation.SECONDS);
        assertEquals(1.5, b.got.size() / 2_000.0, 0.05);
        assertEquals(b.got.size() - 2_000, sim.trace().count(TraceKind.DUPLICATE));
    }

    @Test
    void latencyModelsSampleTheirDistributions() {
        Rng rng = new Rng(1);
        assertEquals(7, Latency.constant(7).sample(rng));
        List<Long> u = new ArrayList<>();
        List<Long> ln = new ArrayList<>();
        int tail = 0;
        Latency heavy = Latency.logNormal(10 * MS, 0.0).withTail(0.1, 20);
        for (int i = 0; i < 20_000; i++) {
            u.add(Latency.uniform(MS, 3 * MS).sample(rng));
            ln.add(Latency.logNormal(10 * MS, 0.5).sample(rng));
            if (heavy.sample(rng) == 200 * MS) {
                tail++;
            }
        }
        assertTrue(u.stream().allMatch(x -> x >= MS && x <= 3 * MS));
        assertEquals(2 * MS, u.stream().mapToLong(Long::longValue).average().orElseThrow(), 0.02 * MS);
        ln.sort(null);
        assertEquals(10 * MS, ln.get(ln.size() / 2), 0.3 * MS);
        assertTrue(ln.get(ln.size() * 99 / 100) > 25 * MS, "p99 " + ln.get(ln.size() * 99 / 100));
        assertEquals(0.1, tail / 20_000.0, 0.01);
        assertThrows(IllegalArgumentException.class, () -> Latency.uniform(5, 4));
    }

    @Test
    void bandwidthQueuesMessagesBehindEachOther() {
        // 1,000 bytes at 1 MB/s take 1 ms to transmit; three sent together arrive 1 ms apart.
        sim.network().defaultLink(LinkSpec.of(Latency.constant(MS)).withBandwidth(1_000_000));
        for (int i = 0; i < 3; i++) {
            sendAt(0, a, ib, new Big(i));
        }
        sim.run(Simulation.SECONDS);
        assertEquals(List.of(2 * MS + " Big[n=0]", 3 * MS + " Big[n=1]", 4 * MS + " Big[n=2]"), b.got);
    }

    @Test
    void perLinkSpecsOverrideTheDefault() {
        sim.network().defaultLink(LinkSpec.of(Latency.constant(MS)));
        sim.network().link(ia, ib, LinkSpec.of(Latency.constant(50 * MS)));
        sendAt(0, a, ib, new Data(1));
        sendAt(0, a, ic, new Data(2));
        sim.run(Simulation.SECONDS);
        assertEquals(List.of(50 * MS + " Data[n=1]"), b.got);
        assertEquals(List.of(MS + " Data[n=2]"), c.got);
    }

    @Test
    void linkSpecsRejectImpossibleProbabilities() {
        LinkSpec ok = LinkSpec.of(Latency.constant(1));
        assertThrows(IllegalArgumentException.class, () -> ok.withLoss(1.5));
        assertThrows(IllegalArgumentException.class, () -> ok.withDuplicate(-0.1));
        assertThrows(IllegalArgumentException.class, () -> ok.withLoss(Double.NaN));
    }

    @Test
    void cutsAndLinkSpecsStillApplyToHostsAddedAfterThem() {
        Network net = sim.network();
        net.cut(ia, ib);
        net.link(ia, ic, LinkSpec.of(Latency.constant(7 * MS)));
        List<HostId> late = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            late.add(sim.addHost("late" + i, self -> new Endpoint()).id());
        }
        HostId last = late.get(late.size() - 1);
        net.cutOneWay(ia, last);

        assertFalse(net.connected(ia, ib, "default"));
        assertFalse(net.connected(ia, last, "default"));
        assertTrue(net.connected(last, ia, "default"));
        assertTrue(net.connected(ia, late.get(0), "default"));
        assertEquals(Latency.constant(7 * MS), net.link(ia, ic).latency());
        assertEquals(net.defaultLink(), net.link(ia, last));

        net.isolate(late.get(100));
        assertFalse(net.connected(ic, late.get(100), "default"));
        assertFalse(net.connected(late.get(100), last, "default"));
        net.healAll();
        assertTrue(net.connected(ia, ib, "default"));
        assertTrue(net.connected(ia, last, "default"));
        assertFalse(net.isPartitioned());
    }
}
