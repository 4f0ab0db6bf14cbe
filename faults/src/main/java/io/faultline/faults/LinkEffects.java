package io.faultline.faults;

import io.faultline.sim.Host;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Network;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slow links and duplication/reordering bursts, layered over each link's own spec: every change
 * recomputes the touched links from their original spec and the effects still active, so that
 * overlapping faults end independently and healing restores exactly what the scenario configured.
 */
final class LinkEffects {
    /** One active effect; {@code host < 0} means every link. */
    private record Effect(long id, int host, long extraLatency, double duplicate, double reorder) {
        boolean covers(int from, int to) {
            return host < 0 || host == from || host == to;
        }
    }

    private final Simulation sim;
    private final Map<Long, LinkSpec> original = new TreeMap<>();
    private final List<Effect> active = new ArrayList<>();
    private long nextId;

    LinkEffects(Simulation sim) {
        this.sim = sim;
    }

    long slow(Host host, long extraLatency) {
        return add(new Effect(nextId++, host.id().index(), extraLatency, 0, 0));
    }

    long duplicate(double p) {
        return add(new Effect(nextId++, -1, 0, p, 0));
    }

    long reorder(double p) {
        return add(new Effect(nextId++, -1, 0, 0, p));
    }

    void end(long id) {
        active.removeIf(e -> e.id() == id);
        refresh();
    }

    void endAll() {
        if (!active.isEmpty()) {
            active.clear();
            refresh();
        }
    }

    private long add(Effect e) {
        active.add(e);
        refresh();
        return e.id();
    }

    private void refresh() {
        Network net = sim.network();
        List<Host> hosts = sim.hosts();
        for (Host from : hosts) {
            for (Host to : hosts) {
                int f = from.id().index();
                int t = to.id().index();
                if (f == t) {
                    continue;
                }
                long key = ((long) f << 32) | t;
                LinkSpec base = original.get(key);
                boolean touched = false;
                LinkSpec spec = base == null ? net.link(from.id(), to.id()) : base;
                LinkSpec next = spec;
                for (Effect e : active) {
                    if (e.covers(f, t)) {
                        touched = true;
                        next = apply(next, e);
                    }
                }
                if (touched && base == null) {
                    original.put(key, spec);
                }
                if (touched || base != null) {
                    if (!next.equals(net.link(from.id(), to.id()))) {
                        net.link(from.id(), to.id(), next);
                    }
                    if (!touched) {
                        original.remove(key);
                    }
                }
            }
        }
    }

    private static LinkSpec apply(LinkSpec spec, Effect e) {
        LinkSpec s = spec;
        if (e.extraLatency() > 0) {
            s = s.withLatency(shifted(s.latency(), e.extraLatency()));
        }
        if (e.duplicate() > 0) {
            s = s.withDuplicate(Math.max(s.duplicate(), e.duplicate()));
        }
        if (e.reorder() > 0) {
            s = s.withReorder(Math.max(s.reorder(), e.reorder()));
        }
        return s;
    }

    /** The same distribution moved later by {@code extra}. */
    private static Latency shifted(Latency l, long extra) {
        if (l instanceof Latency.Constant c) {
            return Latency.constant(c.nanos() + extra);
        }
        if (l instanceof Latency.Uniform u) {
            return Latency.uniform(u.minNanos() + extra, u.maxNanos() + extra);
        }
        if (l instanceof Latency.LogNormal n) {
            return new Latency.LogNormal(n.medianNanos() + extra, n.sigma(), n.tailProbability(), n.tailMultiplier());
        }
        throw new IllegalStateException(l.toString());
    }
}
