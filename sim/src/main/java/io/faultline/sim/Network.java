package io.faultline.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The simulated network between hosts: per directed link a {@link LinkSpec} (latency, loss,
 * duplication, reordering, bandwidth), plus directed connectivity for partitions.
 *
 * <p>What it does <b>not</b> promise, like a real IP network: messages may be lost, may arrive more
 * than once, and may arrive in any order (no FIFO, even on one link); nothing tells the sender. A
 * message whose link (or channel) is cut <em>at the moment it would arrive</em> is dropped, so a
 * partition also drops messages already in flight, and a heal does not resurrect them.
 *
 * <pre>{@code
 * Network net = sim.network();
 * net.defaultLink(LinkSpec.of(Latency.uniform(Simulation.MILLIS, 5 * Simulation.MILLIS)).withLoss(0.01));
 * net.partition(List.of(List.of(a, b), List.of(c, d, e)));   // a,b | c,d,e
 * net.cutChannel(a, c, "fetch");                            // only "fetch" messages between a and c
 * net.healAll();
 * }</pre>
 *
 * <p>Every connectivity change is recorded in the trace as a fault.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Network {
    private final Simulation sim;
    private final Rng rng;
    private LinkSpec defaultLink = LinkSpec.of(Latency.uniform(500 * Simulation.MICROS, 2 * Simulation.MILLIS));
    /*
     * Per-pair state is kept in rows allocated on first use, never as dense n x n matrices: a
     * simulation of 10,000 hosts must not pay 10^8 cells (nor copy them on every addHost) when only
     * a few links are special. Cuts are one bitset row per sending host.
     */
    private int hostCount;
    private LinkSpec[][] linkRows = new LinkSpec[16][];
    private long[][] freeAtRows = new long[16][];
    private long[][] cutRows = new long[16][];
    private final TreeMap<Long, TreeSet<String>> channelCuts = new TreeMap<>();
    private int cutCount;

    Network(Simulation sim, Rng rng) {
        this.sim = sim;
        this.rng = rng;
    }

    /** The link every pair uses unless {@link #link(HostId, HostId, LinkSpec)} set another. */
    public LinkSpec defaultLink() {
        return defaultLink;
    }

    /** Sets the default link (pairs with their own spec keep it). */
    public void defaultLink(LinkSpec spec) {
        defaultLink = java.util.Objects.requireNonNull(spec);
    }

    /** The spec of the directed link {@code from -> to}. */
    public LinkSpec link(HostId from, HostId to) {
        LinkSpec s = specOrNull(from.index(), to.index());
        return s == null ? defaultLink : s;
    }

    /**
     * Sets the spec of the directed link {@code from -> to}. Traced (and hashed) but not listed as a
     * fault, since it is also configuration: a fault plan that slows links records its own fault.
     */
    public void link(HostId from, HostId to, LinkSpec spec) {
        if (!sim.admits(new FaultCall.Link(from.name(), to.name(), spec))) {
            return;
        }
        java.util.Objects.requireNonNull(spec);
        int f = from.index();
        LinkSpec[] row = linkRows[f];
        if (row == null || row.length <= to.index()) {
            row = row == null ? new LinkSpec[Math.max(hostCount, to.index() + 1)]
                    : Arrays.copyOf(row, Math.max(hostCount, to.index() + 1));
            linkRows[f] = row;
        }
        row[to.index()] = spec;
        sim.trace().record(sim.now(), TraceKind.ACTION, from.index(), to.index(), "link " + spec);
    }

    /** Cuts both directions between {@code a} and {@code b}. */
    public void cut(HostId a, HostId b) {
        if (!sim.admits(new FaultCall.Cut(a.name(), b.name()))) {
            return;
        }
        setCut(a.index(), b.index(), true);
        setCut(b.index(), a.index(), true);
        sim.recordFault(-1, "cut " + a + " <-> " + b);
    }

    /** Cuts only {@code from -> to} (an asymmetric partition). */
    public void cutOneWay(HostId from, HostId to) {
        if (!sim.admits(new FaultCall.CutOneWay(from.name(), to.name()))) {
            return;
        }
        setCut(from.index(), to.index(), true);
        sim.recordFault(-1, "cut " + from + " -> " + to);
    }

    /** Cuts only messages on {@code channel} between {@code a} and {@code b}, both directions. */
    public void cutChannel(HostId a, HostId b, String channel) {
        if (!sim.admits(new FaultCall.CutChannel(a.name(), b.name(), channel))) {
            return;
        }
        channelCuts.computeIfAbsent(pair(a.index(), b.index()), k -> new TreeSet<>()).add(channel);
        channelCuts.computeIfAbsent(pair(b.index(), a.index()), k -> new TreeSet<>()).add(channel);
        sim.recordFault(-1, "cut channel " + channel + " " + a + " <-> " + b);
    }

    /** Cuts {@code host} from every other host, both directions. */
    public void isolate(HostId host) {
        if (!sim.admits(new FaultCall.Isolate(host.name()))) {
            return;
        }
        int h = host.index();
        for (int i = 0; i < hostCount; i++) {
            if (i != h) {
                setCut(h, i, true);
                setCut(i, h, true);
            }
        }
        sim.recordFault(host.index(), "isolate " + host);
    }

    /**
     * Splits the listed hosts into groups that cannot reach each other; links inside a group, and
     * links of hosts not listed, are left as they are.
     */
    public void partition(List<? extends Collection<HostId>> groups) {
        if (!sim.admits(FaultCall.Partition.of(groups))) {
            return;
        }
        List<String> shape = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            shape.add(groups.get(g).toString());
            for (int o = 0; o < groups.size(); o++) {
                if (o == g) {
                    continue;
                }
                for (HostId a : groups.get(g)) {
                    for (HostId b : groups.get(o)) {
                        setCut(a.index(), b.index(), true);
                    }
                }
            }
        }
        sim.recordFault(-1, "partition " + String.join(" | ", shape));
    }

    /** Restores both directions between {@code a} and {@code b}, including cut channels. */
    public void heal(HostId a, HostId b) {
        if (!sim.admits(new FaultCall.Heal(a.name(), b.name()))) {
            return;
        }
        setCut(a.index(), b.index(), false);
        setCut(b.index(), a.index(), false);
        channelCuts.remove(pair(a.index(), b.index()));
        channelCuts.remove(pair(b.index(), a.index()));
        sim.recordFault(-1, "heal " + a + " <-> " + b);
    }

    /** Restores every link and channel (link specs set with {@code link(...)} are kept). */
    public void healAll() {
        if (!sim.admits(new FaultCall.HealAll())) {
            return;
        }
        Arrays.fill(cutRows, null);
        cutCount = 0;
        channelCuts.clear();
        sim.recordFault(-1, "heal all");
    }

    /** True if a message on {@code channel} from {@code from} would reach {@code to} now. */
    public boolean connected(HostId from, HostId to, String channel) {
        return !isCut(from.index(), to.index(), channel);
    }

    /** True if any link or channel is cut. */
    public boolean isPartitioned() {
        return cutCount > 0 || !channelCuts.isEmpty();
    }

    void addHost() {
        hostCount++;
        if (hostCount > linkRows.length) {
            int capacity = linkRows.length * 2;
            linkRows = Arrays.copyOf(linkRows, capacity);
            freeAtRows = Arrays.copyOf(freeAtRows, capacity);
            cutRows = Arrays.copyOf(cutRows, capacity);
        }
    }

    private LinkSpec specOrNull(int from, int to) {
        LinkSpec[] row = linkRows[from];
        return row == null || to >= row.length ? null : row[to];
    }

    void send(int from, int to, Message m) {
        if (to < 0 || to >= hostCount) {
            throw new IllegalArgumentException("no such host index: " + to);
        }
        long now = sim.now();
        LinkSpec spec = specOrNull(from, to);
        if (spec == null) {
            spec = defaultLink;
        }
        if (spec.loss() > 0 && rng.chance(spec.loss())) {
            sim.trace().message(now, TraceKind.DROP, from, to, now, m, Trace.Fate.LOST);
            return;
        }
        // The rarer branches are methods of their own: this one stays under the JIT's size limit for
        // inlining a hot method (325 bytes of bytecode), so a process's send is inlined into it.
        long departure = spec.bandwidthBytesPerSecond() > 0 ? departure(from, to, m, spec, now) : now;
        schedule(from, to, m, now, departure + delay(spec));
        if (spec.duplicate() > 0 && rng.chance(spec.duplicate())) {
            duplicate(from, to, m, spec, now, departure);
        }
    }

    /** When the message has gone out on a link of limited bandwidth: after those queued before it. */
    private long departure(int from, int to, Message m, LinkSpec spec, long now) {
        long tx = Math.max(1, (long) (m.sizeBytes() * 1e9 / spec.bandwidthBytesPerSecond()));
        long[] row = freeAtRows[from];
        if (row == null || row.length <= to) {
            row = row == null ? new long[Math.max(hostCount, to + 1)] : Arrays.copyOf(row, Math.max(hostCount, to + 1));
            freeAtRows[from] = row;
        }
        long start = Math.max(now, row[to]);
        long departure = start + tx;
        row[to] = departure;
        return departure;
    }

    private void duplicate(int from, int to, Message m, LinkSpec spec, long now, long departure) {
        sim.trace().record(now, TraceKind.DUPLICATE, to, from, m.toString());
        schedule(from, to, m, now, departure + delay(spec));
    }

    private long delay(LinkSpec spec) {
        long d = spec.latency().sample(rng);
        if (spec.reorder() > 0 && rng.chance(spec.reorder())) {
            d += rng.uniform(0, d);
        }
        return d;
    }

    private void schedule(int from, int to, Message m, long sentAt, long arrival) {
        sim.pushDelivery(from, to, m, sentAt, arrival);
    }

    /** A message arrives (state: {@link Delivery#ON_WIRE} or after waiting at its destination). */
    void arrive(int from, int to, Message m, long sentAt, byte state, int incarnation) {
        if (state == Delivery.ON_WIRE && isCut(from, to, m.channel())) {
            sim.trace().message(sim.now(), TraceKind.DROP, from, to, sentAt, m, Trace.Fate.CUT);
            return;
        }
        sim.hostAt(to).receive(from, m, sentAt, state, incarnation);
    }

    private boolean isCut(int from, int to, String channel) {
        if (cutCount > 0 && cutBit(from, to)) {
            return true;
        }
        if (channelCuts.isEmpty()) {
            return false;
        }
        TreeSet<String> chans = channelCuts.get(pair(from, to));
        return chans != null && chans.contains(channel);
    }

    private boolean cutBit(int from, int to) {
        long[] row = cutRows[from];
        return row != null && (to >>> 6) < row.length && (row[to >>> 6] & (1L << to)) != 0;
    }

    private void setCut(int from, int to, boolean value) {
        if (cutBit(from, to) == value) {
            return;
        }
        long[] row = cutRows[from];
        if (value) {
            int words = Math.max((hostCount + 63) >>> 6, (to >>> 6) + 1);
            if (row == null || row.length < words) {
                row = row == null ? new long[words] : Arrays.copyOf(row, words);
                cutRows[from] = row;
            }
            row[to >>> 6] |= 1L << to;
            cutCount++;
        } else {
            row[to >>> 6] &= ~(1L << to);
            cutCount--;
        }
    }

    private static long pair(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFFFFFFL);
    }
}
