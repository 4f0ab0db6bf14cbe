package io.faultline.models.demo.server;

import io.faultline.models.demo.wire.BroadcastMessage;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Timer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A gossip node: it acknowledges a client's value once stored, then sends it to every peer and
 * resends on a timer until each peer acknowledges it. Values live in memory only (the demo has no
 * crashes).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BroadcastNode implements Process {
    private record Retry() implements Timer {
    }

    private static final int MAX_BATCH = 64;

    private final List<HostId> peers;
    private final long retryNanos;
    private final TreeSet<Long> values = new TreeSet<>();
    private final TreeMap<HostId, TreeSet<Long>> unacked = new TreeMap<>();

    public BroadcastNode(List<HostId> peers, long retryNanos) {
        this.peers = List.copyOf(peers);
        this.retryNanos = retryNanos;
        for (HostId p : this.peers) {
            unacked.put(p, new TreeSet<>());
        }
    }

    /** The values this node holds (for checks). */
    public Set<Long> values() {
        return java.util.Collections.unmodifiableSet(values);
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(retryNanos, new Retry());
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof BroadcastMessage.Add add) {
            if (values.add(add.value())) {
                for (HostId p : peers) {
                    unacked.get(p).add(add.value());
                    ctx.send(p, new BroadcastMessage.Gossip(List.of(add.value())));
                }
            }
            ctx.send(from, new BroadcastMessage.AddOk(add.opId()));
        } else if (m instanceof BroadcastMessage.Gossip g) {
            values.addAll(g.values());
            ctx.send(from, new BroadcastMessage.GossipAck(g.values()));
        } else if (m instanceof BroadcastMessage.GossipAck ack) {
            TreeSet<Long> pending = unacked.get(from);
            if (pending != null) {
                pending.removeAll(ack.values());
            }
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof Retry) {
            for (HostId p : peers) {
                TreeSet<Long> pending = unacked.get(p);
                if (!pending.isEmpty()) {
                    List<Long> batch = new ArrayList<>();
                    for (Long v : pending) {
                        if (batch.size() == MAX_BATCH) {
                            break;
                        }
                        batch.add(v);
                    }
                    ctx.send(p, new BroadcastMessage.Gossip(batch));
                }
            }
            ctx.setTimer(retryNanos, new Retry());
        }
    }
}
