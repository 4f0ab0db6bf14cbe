package lab;

import io.faultline.labs.replog.Cluster;
import io.faultline.labs.replog.DurableLog;
import io.faultline.labs.replog.Entry;
import io.faultline.labs.replog.LogWire.AlterIsr;
import io.faultline.labs.replog.LogWire.Fetch;
import io.faultline.labs.replog.LogWire.FetchReply;
import io.faultline.labs.replog.LogWire.Heartbeat;
import io.faultline.labs.replog.LogWire.LeaderAndIsr;
import io.faultline.labs.replog.LogWire.Poll;
import io.faultline.labs.replog.LogWire.PollReply;
import io.faultline.labs.replog.LogWire.Produce;
import io.faultline.labs.replog.LogWire.ProduceReply;
import io.faultline.labs.replog.ReplicatedLogLab;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference solution of lab replicated-log: Kafka's replication protocol cut to one partition.
 * A broker leads or follows as the controller's latest LeaderAndIsr says; the leader commits a
 * record once every ISR member has it, the followers truncate where their log parts from the
 * leader's (by epoch), and only the controller changes the ISR or the leader.
 */
public final class ReplicatedLog implements ReplicatedLogLab {
    static final long TICK = 20 * Simulation.MILLIS;
    /** replica.lag.time.max.ms, scaled down: a follower not caught up for this long leaves the ISR. */
    static final long LAG = 100 * Simulation.MILLIS;
    /** The controller's session timeout: a broker silent for this long is dead. */
    static final long SESSION = 100 * Simulation.MILLIS;

    record Tick() implements Timer {
    }

    @Override
    public Process broker(int id, Cluster cluster, DurableLog log) {
        return new Broker(id, cluster, log);
    }

    @Override
    public Process controller(Cluster cluster) {
        return new Controller(cluster);
    }

    /** A broker: leader or follower of the partition. */
    static final class Broker implements Process {
        private final int id;
        private final Cluster cluster;
        private final DurableLog log;
        private LeaderAndIsr state = new LeaderAndIsr(-1, -1, -1, List.of());
        private long hw;
        // Leader only: what each follower's fetches showed, and the producers waiting for a commit.
        private final Map<Integer, Long> followerEnd = new TreeMap<>();
        private final Map<Integer, Long> caughtUpAt = new TreeMap<>();
        private final Map<Integer, Long> endAtLastFetch = new TreeMap<>();
        private final Map<Integer, Long> lastFetchAt = new TreeMap<>();
        private final TreeMap<Long, List<Waiting>> waiting = new TreeMap<>();
        private List<Integer> proposedIsr = List.of();

        private record Waiting(HostId producer, long id) {
        }

        Broker(int id, Cluster cluster, DurableLog log) {
            this.id = id;
            this.cluster = cluster;
            this.log = log;
        }

        private boolean leading() {
            return state.leader() == id;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(TICK, new Tick());
        }

        @Override
        public void onTimer(Context ctx, Timer t) {
            ctx.send(cluster.controller(), new Heartbeat(id));
            if (leading()) {
                maybeChangeIsr(ctx);
            } else if (state.leader() >= 0) {
                ctx.send(cluster.broker(state.leader()), new Fetch(id, state.epoch(), log.endOffset(), log.lastEpoch()));
            }
            ctx.setTimer(ctx.rng().uniform(TICK / 2, TICK * 3 / 2), new Tick());   // jittered: followers do not fetch in step
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof LeaderAndIsr s) {
                onLeaderAndIsr(ctx, s);
            } else if (m instanceof Produce p) {
                onProduce(ctx, from, p);
            } else if (m instanceof Poll p) {
                onPoll(ctx, from, p);
            } else if (m instanceof Fetch f) {
                onFetch(ctx, from, f);
            } else if (m instanceof FetchReply r) {
                onFetchReply(r);
            }
        }

        private void onLeaderAndIsr(Context ctx, LeaderAndIsr s) {
            if (s.version() <= state.version()) {
                return;   // an old message, delayed
            }
            boolean newEpoch = s.epoch() != state.epoch();
            state = s;
            if (newEpoch) {
                // A new leader: forget what a former leadership knew. Producers still waiting get no
                // answer (their records may yet be committed by the new leader, or not).
                followerEnd.clear();
                caughtUpAt.clear();
                endAtLastFetch.clear();
                lastFetchAt.clear();
                waiting.clear();
                for (int b : cluster.brokerIds()) {
                    caughtUpAt.put(b, ctx.now());   // a new leader gives every follower a full lag period first
                }
            }
            proposedIsr = List.of();
        }

        // ---- leader ----

        private void onProduce(Context ctx, HostId from, Produce p) {
            if (!leading()) {
                ctx.send(from, new ProduceReply(p.id(), false, -1));
                return;
            }
            long offset = log.append(new Entry(p.value(), state.epoch()));
            waiting.computeIfAbsent(offset, o -> new ArrayList<>()).add(new Waiting(from, p.id()));
            advanceHighWatermark(ctx);
        }

        private void onPoll(Context ctx, HostId from, Poll p) {
            if (!leading()) {
                ctx.send(from, new PollReply(p.id(), false, p.offset(), List.of()));
                return;
            }
            List<Long> values = new ArrayList<>();
            for (Entry e : log.read(p.offset(), (int) Math.max(0, Math.min(100, hw - p.offset())))) {
                values.add(e.value());
            }
            ctx.send(from, new PollReply(p.id(), true, p.offset(), values));
        }

        private void onFetch(Context ctx, HostId from, Fetch f) {
            if (!leading() || f.epoch() != state.epoch()) {
                return;   // not this epoch's leader, or a follower of another epoch: it will learn from the controller
            }
            long offset = f.offset();
            if (offset > 0 && (offset > log.endOffset() || log.get(offset - 1).epoch() != f.lastEpoch())) {
                // The follower's last record is not ours: it must cut its log back to where its last
                // epoch ends in our log (KIP-101's OffsetsForLeaderEpoch, asked on every fetch).
                // One record less at least, so that the cut always moves on (KIP-279, FIDELITY C5.4).
                long cut = Math.min(Math.min(offset - 1, log.endOffset()), endOf(f.lastEpoch()));
                ctx.send(from, new FetchReply(state.epoch(), offset, List.of(), hw, cut));
                return;
            }
            long now = ctx.now();
            if (offset >= endAtLastFetch.getOrDefault(f.follower(), Long.MAX_VALUE)) {
                caughtUpAt.put(f.follower(), lastFetchAt.get(f.follower()));
            }
            if (offset >= log.endOffset()) {
                caughtUpAt.put(f.follower(), now);
            }
            endAtLastFetch.put(f.follower(), log.endOffset());
            lastFetchAt.put(f.follower(), now);
            followerEnd.put(f.follower(), offset);
            advanceHighWatermark(ctx);
            ctx.send(from, new FetchReply(state.epoch(), offset, log.read(offset, 50), hw, -1));
        }

        /** The end of {@code epoch} in our log: the first offset of a later epoch, or our log's end. */
        private long endOf(int epoch) {
            for (long o = 0; o < log.endOffset(); o++) {
                if (log.get(o).epoch() > epoch) {
                    return o;
                }
            }
            return log.endOffset();
        }

        /** Commits what every ISR member has, the ISR being the largest one the controller may hold. */
        private void advanceHighWatermark(Context ctx) {
            TreeSet<Integer> members = new TreeSet<>(state.isr());
            members.addAll(proposedIsr);
            long commit = log.endOffset();
            for (int m : members) {
                if (m != id) {
                    commit = Math.min(commit, followerEnd.getOrDefault(m, 0L));
                }
            }
            if (commit <= hw) {
                return;
            }
            hw = commit;
            while (!waiting.isEmpty() && waiting.firstKey() < hw) {
                Map.Entry<Long, List<Waiting>> done = waiting.pollFirstEntry();
                for (Waiting w : done.getValue()) {
                    ctx.send(w.producer(), new ProduceReply(w.id(), true, done.getKey()));
                }
            }
        }

        /** Asks the controller to drop followers that lag and to take back those caught up (KIP-497). */
        private void maybeChangeIsr(Context ctx) {
            if (!proposedIsr.isEmpty()) {
                ctx.send(cluster.controller(), new AlterIsr(id, state.epoch(), proposedIsr));   // not answered yet: again
                return;
            }
            List<Integer> next = new ArrayList<>();
            for (int b : cluster.brokerIds()) {
                boolean member = state.isr().contains(b);
                boolean fresh = b == id || ctx.now() - caughtUpAt.getOrDefault(b, Long.MIN_VALUE / 2) <= LAG;
                boolean caughtUp = b != id && followerEnd.getOrDefault(b, -1L) >= hw && fresh;
                if (b == id || member && fresh || !member && caughtUp) {
                    next.add(b);
                }
            }
            if (!next.equals(state.isr())) {
                proposedIsr = next;
                ctx.send(cluster.controller(), new AlterIsr(id, state.epoch(), next));
            }
        }

        // ---- follower ----

        private void onFetchReply(FetchReply r) {
            if (leading() || r.epoch() != state.epoch()) {
                return;   // from a leader of another epoch (a deposed one, or one we do not know yet)
            }
            if (r.truncateTo() >= 0) {
                log.truncateTo(r.truncateTo());
                hw = Math.min(hw, log.endOffset());
                return;
            }
            if (r.offset() != log.endOffset()) {
                return;   // an answer to an older fetch
            }
            for (Entry e : r.entries()) {
                log.append(e);
            }
            hw = Math.max(hw, Math.min(r.highWatermark(), log.endOffset()));
        }
    }

    /** The controller: elects a leader from the ISR when the leader's broker goes silent, and commits ISR changes. */
    static final class Controller implements Process {
        private final Cluster cluster;
        private final Map<Integer, Long> heardAt = new TreeMap<>();
        private LeaderAndIsr state;

        Controller(Cluster cluster) {
            this.cluster = cluster;
            this.state = new LeaderAndIsr(0, 0, 0, cluster.brokerIds());
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(TICK, new Tick());
        }

        @Override
        public void onTimer(Context ctx, Timer t) {
            long now = ctx.now();
            if (now - heardAt.getOrDefault(state.leader(), 0L) > SESSION) {
                for (int b : state.isr()) {
                    if (b != state.leader() && now - heardAt.getOrDefault(b, Long.MIN_VALUE / 2) <= SESSION) {
                        List<Integer> isr = new ArrayList<>(state.isr());
                        isr.remove(Integer.valueOf(state.leader()));
                        state = new LeaderAndIsr(b, state.epoch() + 1, state.version() + 1, isr);
                        break;
                    }
                }
            }
            for (int b : cluster.brokerIds()) {
                ctx.send(cluster.broker(b), state);
            }
            ctx.setTimer(TICK, new Tick());
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof Heartbeat h) {
                heardAt.put(h.broker(), ctx.now());
            } else if (m instanceof AlterIsr a) {
                if (a.leader() == state.leader() && a.epoch() == state.epoch() && a.isr().contains(a.leader())) {
                    state = new LeaderAndIsr(state.leader(), state.epoch(), state.version() + 1, a.isr());
                }
                ctx.send(from, state);
            }
        }
    }
}
