package io.faultline.models.s3.cold;

import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.scenario.Series;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stand-in for S3's cold path until the S3 model wires these rules into its own GET/PUT path:
 * per key only what the cold path needs (size, storage class, creation time, restore state), no
 * bodies, versions, ETags or listings (those are the S3 model's). It applies {@link Restores} to
 * GET, HEAD and RestoreObject, runs lifecycle once a day at 00:00 UTC plus a lag drawn up to
 * {@code maxLag} (FIDELITY A9.4 [M]), bills with a {@link CostAccount} (billing changes when an
 * object becomes eligible, A9.4, not when the sweep gets to it) and samples GB per class daily.
 *
 * <pre>{@code
 * ColdStoreService svc = new ColdStoreService(evaluator, new CostAccount(PriceTable.EXAMPLE_US_EAST_1), 0);
 * Host s3 = sim.addHost("s3", self -> svc);
 * }</pre>
 */
public final class ColdStoreService implements Process {
    private record Sweep() implements Timer {
    }

    private static final class Entry {
        final long size;
        final long created;
        StorageClass storageClass;
        RestoreState restore = RestoreState.NONE;

        Entry(long size, long created, StorageClass storageClass) {
            this.size = size;
            this.created = created;
            this.storageClass = storageClass;
        }
    }

    /** A lifecycle action as applied: which key, what, when it was due and when the sweep did it. */
    public record Applied(String key, long createdNanos, LifecycleAction action, long appliedNanos) {
    }

    private final LifecycleEvaluator lifecycle;
    private final CostAccount cost;
    private final long maxLagNanos;
    private final TreeMap<String, Entry> objects = new TreeMap<>();
    private final List<Applied> applied = new ArrayList<>();
    private final EnumMap<StorageClass, List<Series.Point>> gbByClass = new EnumMap<>(StorageClass.class);

    public ColdStoreService(LifecycleEvaluator lifecycle, CostAccount cost, long maxLagNanos) {
        this.lifecycle = lifecycle;
        this.cost = cost;
        this.maxLagNanos = maxLagNanos;
    }

    @Override
    public void onStart(Context ctx) {
        armSweep(ctx);
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof ColdWire.Call c) {
            ctx.send(from, answer(ctx, c.id(), c.call()));
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof Sweep) {
            sweep(ctx.now());
            armSweep(ctx);
        }
    }

    private ColdWire.Answer answer(Context ctx, long id, ColdWire.ColdCall call) {
        long now = ctx.now();
        if (call instanceof ColdWire.Put p) {
            objects.put(p.key(), new Entry(p.size(), now, p.storageClass()));
            cost.enter(p.key(), p.storageClass(), p.size(), now);
            return new ColdWire.Answer(id, 200, Optional.empty(), Optional.of(p.storageClass()), Optional.empty());
        }
        String key = keyOf(call);
        Entry e = objects.get(key);
        if (e == null) {
            return new ColdWire.Answer(id, 404, Optional.of("NoSuchKey"), Optional.empty(), Optional.empty());
        }
        Optional<StorageClass> cls = Optional.of(e.storageClass);
        if (call instanceof ColdWire.Get) {
            if (!Restores.canGet(e.storageClass, e.restore, now)) {
                return new ColdWire.Answer(id, 403, Optional.of("InvalidObjectState"), cls, Restores.header(e.restore, now));
            }
            return new ColdWire.Answer(id, 200, Optional.empty(), cls, Restores.header(e.restore, now));
        } else if (call instanceof ColdWire.Head) {
            return new ColdWire.Answer(id, 200, Optional.empty(), cls, Restores.header(e.restore, now));
        } else if (call instanceof ColdWire.Restore r) {
            RestoreAnswer a = Restores.request(e.storageClass, e.restore, now, r.days(), r.tier(), true, ctx.rng());
            if (a.status() == 202) {
                cost.restore(e.storageClass, r.tier(), e.size);
            }
            e.restore = a.state();
            return new ColdWire.Answer(id, a.status(), a.code(), cls, Restores.header(e.restore, now));
        }
        objects.remove(key);
        cost.leave(key, now);
        return new ColdWire.Answer(id, 204, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static String keyOf(ColdWire.ColdCall call) {
        if (call instanceof ColdWire.Get g) {
            return g.key();
        } else if (call instanceof ColdWire.Head h) {
            return h.key();
        } else if (call instanceof ColdWire.Restore r) {
            return r.key();
        } else if (call instanceof ColdWire.Delete d) {
            return d.key();
        }
        throw new IllegalStateException("no key in " + call);
    }

    private void armSweep(Context ctx) {
        long lag = maxLagNanos == 0 ? 0 : ctx.rng().uniform(0, maxLagNanos);
        long next = UtcTime.nextMidnight(ctx.now() + 1) + lag;
        ctx.setTimer(next - ctx.now(), new Sweep());
    }

    /** One daily lifecycle run (A9.4): applies every due action, then samples GB per class. */
    void sweep(long now) {
        List<String> keys = new ArrayList<>(objects.keySet());
        for (String key : keys) {
            Entry e = objects.get(key);
            Optional<LifecycleAction> due = lifecycle.due(
                    LifecycleObject.current(key, e.size, e.storageClass, e.created), now);
            if (due.isEmpty()) {
                continue;
            }
            LifecycleAction a = due.get();
            if (a instanceof LifecycleAction.Transition t) {
                e.storageClass = t.target();
                cost.transition(key, t.target(), t.dueNanos());
            } else {
                objects.remove(key);
                cost.leave(key, a.dueNanos());
            }
            applied.add(new Applied(key, e.created, a, now));
        }
        EnumMap<StorageClass, Long> bytes = new EnumMap<>(StorageClass.class);
        for (Entry e : objects.values()) {
            bytes.merge(e.storageClass, e.size, Long::sum);
        }
        for (StorageClass c : StorageClass.values()) {
            gbByClass.computeIfAbsent(c, k -> new ArrayList<>()).add(new Series.Point(
                    (double) now / Simulation.DAYS, bytes.getOrDefault(c, 0L) / (double) (1L << 30)));
        }
    }

    /** Lifecycle actions applied so far, in order. */
    public List<Applied> applied() {
        return List.copyOf(applied);
    }

    /** GB stored per class at each daily sweep, for classes that held data at some point. */
    public List<Series> gbSeries() {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<StorageClass, List<Series.Point>> e : gbByClass.entrySet()) {
            if (e.getValue().stream().anyMatch(p -> p.y() > 0)) {
                out.add(new Series("GB in " + e.getKey(), "virtual day", "GB", e.getValue()));
            }
        }
        return out;
    }

    public CostAccount cost() {
        return cost;
    }
}
