package io.faultline.docs.pb;

import io.faultline.docs.pb.PbMessage.Heartbeat;
import io.faultline.docs.pb.PbMessage.NotPrimary;
import io.faultline.docs.pb.PbMessage.Read;
import io.faultline.docs.pb.PbMessage.ReadOk;
import io.faultline.docs.pb.PbMessage.Replicate;
import io.faultline.docs.pb.PbMessage.ReplicateOk;
import io.faultline.docs.pb.PbMessage.Write;
import io.faultline.docs.pb.PbMessage.WriteOk;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import java.util.TreeMap;

/**
 * One server of the register. The primary orders writes and copies each to the backup, either
 * before it acknowledges the client ({@code sync}) or after ({@code !sync}: the lagging backup).
 * The backup takes over when it has not heard from the primary for {@link #TAKEOVER}.
 */
final class PbServer implements Process {
    static final long HEARTBEAT = 50 * Simulation.MILLIS;
    static final long TAKEOVER = 500 * Simulation.MILLIS;
    /** How long the lagging primary waits before copying its acknowledged writes to the backup. */
    static final long LAG = 200 * Simulation.MILLIS;

    private record Beat() implements Timer {
    }

    private record Check() implements Timer {
    }

    private record Copy(long version) implements Timer {
    }

    /** A write waiting for the backup's copy: whom to answer. */
    private record Pending(HostId client, long op) {
    }

    private final HostId peer;
    private final boolean sync;
    private boolean primary;
    /** Taken over from a primary that is gone: nobody left to copy to. */
    private boolean alone;
    private long version;
    private long value;
    /** The last value the backup confirmed: what the primary may show readers ({@code sync} only). */
    private long committed;
    private long lastHeard;
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private final TreeMap<Long, Long> values = new TreeMap<>();

    PbServer(boolean primary, HostId peer, boolean sync) {
        this.primary = primary;
        this.peer = peer;
        this.sync = sync;
    }

    @Override
    public void onStart(Context ctx) {
        lastHeard = ctx.now();
        ctx.setTimer(primary ? HEARTBEAT : TAKEOVER, primary ? new Beat() : new Check());
    }

    // tag::primary[]
    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (!(m instanceof PbMessage msg)) {
            return;
        }
        if (msg instanceof Heartbeat) {
            lastHeard = ctx.now();
        } else if (msg instanceof Replicate r) {
            lastHeard = ctx.now();
            if (r.version() > version) {          // copies may arrive out of order
                version = r.version();
                value = r.value();
            }
            ctx.send(from, new ReplicateOk(r.version()));
        } else if (msg instanceof ReplicateOk ok) {
            commitUpTo(ctx, ok.version());
        } else if (!primary && (msg instanceof Write || msg instanceof Read)) {
            ctx.send(from, new NotPrimary(msg instanceof Write w ? w.op() : ((Read) msg).op()));
        } else if (msg instanceof Write w) {
            version++;
            value = w.value();
            values.put(version, w.value());
            if (sync && !alone) {                  // answer once the backup has it
                pending.put(version, new Pending(from, w.op()));
                ctx.send(peer, new Replicate(version, value));
            } else {                               // answer now, copy later
                committed = value;
                ctx.send(from, new WriteOk(w.op()));
                if (!alone) {
                    ctx.setTimer(LAG, new Copy(version));
                }
            }
        } else if (msg instanceof Read r) {
            ctx.send(from, new ReadOk(r.op(), committed));
        }
    }
    // end::primary[]

    private void commitUpTo(Context ctx, long v) {
        while (!pending.isEmpty() && pending.firstKey() <= v) {
            var e = pending.pollFirstEntry();
            committed = values.get(e.getKey());
            ctx.send(e.getValue().client(), new WriteOk(e.getValue().op()));
        }
        values.headMap(v, true).clear();
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof Beat) {
            ctx.send(peer, new Heartbeat());
            ctx.setTimer(HEARTBEAT, new Beat());
        } else if (t instanceof Copy c) {
            Long v = values.remove(c.version());
            if (v != null) {
                ctx.send(peer, new Replicate(c.version(), v));
            }
        } else if (t instanceof Check) {
            // tag::takeover[]
            if (ctx.now() - lastHeard >= TAKEOVER) {
                primary = true;                    // everything the backup holds counts from now on
                alone = true;
                committed = value;
                ctx.log("backup takes over at version " + version);
            } else {
                ctx.setTimer(TAKEOVER, new Check());
            }
            // end::takeover[]
        }
    }
}
