package io.faultline.models.kafka.server.group;

import io.faultline.models.kafka.rules.KeyValue;

import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.wire.GroupMessage;
import io.faultline.models.kafka.wire.GroupMessage.Heartbeat;
import io.faultline.models.kafka.wire.GroupMessage.HeartbeatResult;
import io.faultline.models.kafka.wire.GroupMessage.JoinGroup;
import io.faultline.models.kafka.wire.GroupMessage.JoinResult;
import io.faultline.models.kafka.wire.GroupMessage.LeaveGroup;
import io.faultline.models.kafka.wire.GroupMessage.OffsetCommit;
import io.faultline.models.kafka.wire.GroupMessage.OffsetCommitResult;
import io.faultline.models.kafka.wire.GroupMessage.OffsetFetch;
import io.faultline.models.kafka.wire.GroupMessage.OffsetFetchResult;
import io.faultline.models.kafka.wire.GroupMessage.SyncGroup;
import io.faultline.models.kafka.wire.GroupMessage.SyncResult;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage.Produce;
import io.faultline.models.kafka.wire.KafkaMessage.ProduceResult;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A broker's group coordinator (FIDELITY C7): it coordinates the groups whose
 * {@code __consumer_offsets} partition this broker leads (C7.1), runs their join and sync phases,
 * expires silent members (C7.2), assigns partitions (C7.3, C7.4), and keeps committed offsets
 * by appending them to that partition with acks=all: a commit is answered once the offsets
 * partition's HW covers it, so it survives what that partition's committed records survive (C7.6).
 * On becoming leader it loads the last offset of each key from the log; membership is not
 * reloaded, so members of a failed-over group rejoin (a simplification, C7.6). With
 * group.protocol=consumer, membership and assignment follow KIP-848 ({@link ConsumerGroupProtocol}, C7.8).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GroupCoordinator {
    /** Appends a record to a local partition replica as its leader, answering to {@code ctx.self()}. */
    public interface Appender {
        void append(Context ctx, Produce p);
    }

    private final KafkaConfig config;
    private final ClusterLayout layout;
    private final Appender appender;
    private final Map<String, Group> groups = new TreeMap<>();
    private final Set<Integer> leading = new TreeSet<>();
    private final Map<Long, PendingCommit> commits = new TreeMap<>();
    /** Append request id to the commit it belongs to and the offset it carries. */
    private final Map<Long, PendingAppend> appends = new TreeMap<>();
    private long nextAppend;
    private boolean ticking;

    private static final class PendingCommit {
        final HostId from;
        final OffsetCommit request;
        int outstanding;
        KafkaError error = KafkaError.NONE;

        PendingCommit(HostId from, OffsetCommit request) {
            this.from = from;
            this.request = request;
            this.outstanding = request.offsets().size();
        }
    }

    private record PendingAppend(long commitKey, String group, int partition, long offset) {
    }

    public GroupCoordinator(KafkaConfig config, ClusterLayout layout, Appender appender) {
        this.config = config;
        this.layout = layout;
        this.appender = appender;
    }

    /** The data topic's partition count: what groups divide among their members. */
    private int dataPartitions() {
        int n = 0;
        for (int p : layout.assignment().keySet()) {
            if (!layout.isInternal(p)) {
                n++;
            }
        }
        return n;
    }

    /** Called after each controller decision for an offsets partition this broker replicates. */
    public void onLeadership(Context ctx, int partition, boolean leader, ReplicaLog log) {
        if (leader && leading.add(partition)) {
            List<String> names = layout.groups();
            for (int i = 0; i < names.size(); i++) {
                if (layout.offsetsPartitionOf(names.get(i)) == partition) {
                    groups.put(names.get(i), load(names.get(i), i, log));
                }
            }
            if (!ticking) {
                ticking = true;
                ctx.setTimer(checkPeriod(), new GroupTimer.SessionCheck());
            }
        } else if (!leader && leading.remove(partition)) {
            groups.values().removeIf(g -> layout.offsetsPartitionOf(g.name) == partition);
        }
    }

    private long checkPeriod() {
        return Math.max(Simulation.MILLIS, config.groupHeartbeatIntervalMs() * Simulation.MILLIS / 3);
    }

    /** The last committed offset of each partition in the log: what compaction keeps (C7.6). */
    private static Group load(String name, int index, ReplicaLog log) {
        Group g = new Group(name, index);
        for (long o = log.logStartOffset(); o < log.leo(); o++) {
            if (!log.get(o).readable()) {
                continue; // the cleaner removed an older commit of the same key (C8.4)
            }
            OffsetRecord r = OffsetRecord.decode(log.get(o).value());
            if (r.group() == index) {
                g.committed.put(r.partition(), r.offset());
            }
        }
        return g;
    }

    /** The committed offsets of {@code group} as this coordinator serves them (empty if it does not coordinate it). */
    public Map<Integer, Long> committed(String group) {
        Group g = groups.get(group);
        return g == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(g.committed));
    }

    /** Whether this broker coordinates {@code group} now. */
    public boolean coordinates(String group) {
        return groups.containsKey(group);
    }

    public void onMessage(Context ctx, HostId from, GroupMessage m) {
        Group g = groups.get(m.group());
        if (m instanceof OffsetFetch f) {
            ctx.send(from, g == null ? new OffsetFetchResult(f.requestId(), f.group(), Map.of(), KafkaError.NOT_COORDINATOR)
                    : new OffsetFetchResult(f.requestId(), f.group(), fetch(g, f.partitions()), KafkaError.NONE));
        } else if (m instanceof OffsetCommit c) {
            commit(ctx, from, g, c);
        } else if (g == null) {
            notCoordinator(ctx, from, m);
        } else if (m instanceof io.faultline.models.kafka.wire.GroupMessage.ConsumerGroupHeartbeat h) {
            ConsumerGroupProtocol.heartbeat(ctx, from, g, h, dataPartitions());
        } else if (m instanceof JoinGroup j) {
            join(ctx, from, g, j);
        } else if (m instanceof SyncGroup s) {
            sync(ctx, from, g, s);
        } else if (m instanceof Heartbeat h) {
            ctx.send(from, new HeartbeatResult(g.name, g.generation, heartbeat(ctx, g, h)));
        } else if (m instanceof LeaveGroup l && g.members.containsKey(l.memberId())) {
            g.remove(l.memberId());
            ctx.log("group " + g.name + ": " + l.memberId() + " left");
            startRebalance(ctx, g);
        }
    }

    private static Map<Integer, Long> fetch(Group g, List<Integer> partitions) {
        Map<Integer, Long> out = new TreeMap<>();
        for (int p : partitions) {
            Long o = g.committed.get(p);
            if (o != null) {
                out.put(p, o);
            }
        }
        return out;
    }

    private void notCoordinator(Context ctx, HostId from, GroupMessage m) {
        if (m instanceof JoinGroup j) {
            ctx.send(from, new JoinResult(j.group(), j.memberId(), -1, KafkaError.NOT_COORDINATOR));
        } else if (m instanceof SyncGroup s) {
            ctx.send(from, new SyncResult(s.group(), s.generation(), List.of(), KafkaError.NOT_COORDINATOR));
        } else if (m instanceof Heartbeat h) {
            ctx.send(from, new HeartbeatResult(h.group(), h.generation(), KafkaError.NOT_COORDINATOR));
        } else if (m instanceof io.faultline.models.kafka.wire.GroupMessage.ConsumerGroupHeartbeat h) {
            ctx.send(from, new io.faultline.models.kafka.wire.GroupMessage.ConsumerGroupHeartbeatResult(h.group(),
                    h.memberId(), h.memberEpoch(), List.of(), KafkaError.NOT_COORDINATOR));
        }
    }

    // ------------------------------------------------------------------ membership (C7.2, C7.4)

    private void join(Context ctx, HostId from, Group g, JoinGroup j) {
        Group.Member known = g.members.get(j.memberId());
        Group.Member statik = g.byInstance(j.instanceId());
        if (known == null && statik != null) {
            // A static member back under a new member id keeps its place and assignment (KIP-345).
            Group.Member fresh = new Group.Member(g.newMemberId(from), j.instanceId(), from, ctx.now());
            g.replace(statik, fresh);
            if (g.phase == Group.Phase.STABLE) {
                ctx.send(from, new JoinResult(g.name, fresh.id(), g.generation, KafkaError.NONE));
                return;
            }
            known = fresh;
        } else if (known == null && !j.memberId().isEmpty()) {
            ctx.send(from, new JoinResult(g.name, j.memberId(), -1, KafkaError.UNKNOWN_MEMBER_ID));
            return;
        } else if (known == null) {
            known = new Group.Member(g.newMemberId(from), j.instanceId(), from, ctx.now());
            g.members.put(known.id(), known);
        }
        g.members.put(known.id(), new Group.Member(known.id(), known.instanceId(), from, ctx.now()));
        if (g.phase != Group.Phase.JOINING) {
            startRebalance(ctx, g);
        }
        g.joined.add(known.id());
        maybeCompleteJoin(ctx, g);
    }

    /** Starts a join phase (or, in one, re-checks it): members learn of it from their heartbeats and rejoin (C7.2). */
    private void startRebalance(Context ctx, Group g) {
        if (g.phase == Group.Phase.JOINING) {
            maybeCompleteJoin(ctx, g);
            return;
        }
        if (g.members.isEmpty()) {
            g.phase = Group.Phase.EMPTY;
            g.assignment.clear();
            return;
        }
        boolean empty = g.phase == Group.Phase.EMPTY;
        g.phase = Group.Phase.JOINING;
        g.joined.clear();
        g.followUp = false;
        g.round++;
        // The rebalance timeout is the members' max.poll.interval.ms; an empty group's first
        // rebalance waits group.initial.rebalance.delay.ms for more members (C7.1).
        g.initialDelayOver = !empty || config.initialRebalanceDelayMs() == 0;
        long wait = empty ? config.initialRebalanceDelayMs() : config.maxPollIntervalMs();
        ctx.log("group " + g.name + ": rebalance toward generation " + (g.generation + 1));
        ctx.setTimer(Math.max(1, wait * Simulation.MILLIS), new GroupTimer.JoinDeadline(g.name, g.round));
    }

    private void maybeCompleteJoin(Context ctx, Group g) {
        if (g.phase == Group.Phase.JOINING && g.joined.containsAll(g.members.keySet()) && !waitingInitialDelay(g)) {
            completeJoin(ctx, g);
        }
    }

    /** An empty group's first join phase lasts the whole initial delay, however many joined. */
    private static boolean waitingInitialDelay(Group g) {
        return !g.initialDelayOver;
    }

    private void completeJoin(Context ctx, Group g) {
        g.members.keySet().removeIf(id -> !g.joined.contains(id));
        g.initialDelayOver = true;
        if (g.members.isEmpty()) {
            g.phase = Group.Phase.EMPTY;
            return;
        }
        g.generation++;
        List<String> order = g.ordered();
        Map<String, List<Integer>> previous = g.assignment;
        Map<String, List<Integer>> target = config.cooperativeRebalancing()
                ? Assignor.sticky(order, previous, dataPartitions()) : Assignor.range(order, dataPartitions());
        if (config.cooperativeRebalancing()) {
            target = withholdMoved(g, previous, target);
        }
        g.assignment = target;
        g.phase = Group.Phase.STABLE;
        g.synced.clear();
        ctx.log("group " + g.name + " generation " + g.generation + ": " + g.assignment);
        for (Group.Member m : g.members.values()) {
            ctx.send(m.host(), new JoinResult(g.name, m.id(), g.generation, KafkaError.NONE));
        }
    }

    /**
     * KIP-429: a partition moving from one member to another is first only revoked (given to
     * nobody); the next rebalance, once every member synced, hands it to its new owner (C7.3).
     */
    private static Map<String, List<Integer>> withholdMoved(Group g, Map<String, List<Integer>> previous,
                                                            Map<String, List<Integer>> target) {
        Map<Integer, String> owner = new TreeMap<>();
        previous.forEach((id, ps) -> {
            if (g.members.containsKey(id)) {
                ps.forEach(p -> owner.put(p, id));
            }
        });
        Map<String, List<Integer>> out = new TreeMap<>();
        target.forEach((id, ps) -> {
            List<Integer> keep = new java.util.ArrayList<>();
            for (int p : ps) {
                String was = owner.get(p);
                if (was == null || was.equals(id)) {
                    keep.add(p);
                } else {
                    g.followUp = true;
                }
            }
            out.put(id, keep);
        });
        return out;
    }

    private void sync(Context ctx, HostId from, Group g, SyncGroup s) {
        KafkaError e = validate(g, s.memberId(), s.generation());
        if (e != KafkaError.NONE) {
            ctx.send(from, new SyncResult(g.name, s.generation(), List.of(), e));
            return;
        }
        ctx.send(from, new SyncResult(g.name, g.generation, g.assignment.getOrDefault(s.memberId(), List.of()), KafkaError.NONE));
        g.synced.add(s.memberId());
        if (g.followUp && g.synced.containsAll(g.members.keySet())) {
            startRebalance(ctx, g);
        }
    }

    private KafkaError heartbeat(Context ctx, Group g, Heartbeat h) {
        Group.Member m = g.members.get(h.memberId());
        if (m != null) {
            g.members.put(m.id(), m.seen(ctx.now()));
        }
        return validate(g, h.memberId(), h.generation());
    }

    private static KafkaError validate(Group g, String memberId, int generation) {
        if (!g.members.containsKey(memberId)) {
            return KafkaError.UNKNOWN_MEMBER_ID;
        }
        if (g.phase == Group.Phase.JOINING) {
            return KafkaError.REBALANCE_IN_PROGRESS;
        }
        return generation == g.generation ? KafkaError.NONE : KafkaError.ILLEGAL_GENERATION;
    }

    public void onTimer(Context ctx, GroupTimer t) {
        if (t instanceof GroupTimer.SessionCheck) {
            long session = config.groupSessionTimeoutMs() * Simulation.MILLIS;
            for (Group g : groups.values()) {
                List<String> expired = g.members.values().stream()
                        .filter(m -> ctx.now() - m.lastSeen() > session).map(Group.Member::id).toList();
                if (!expired.isEmpty()) {
                    expired.forEach(g::remove);
                    ctx.log("group " + g.name + ": session expired for " + expired);
                    if (config.consumerProtocol()) {
                        ConsumerGroupProtocol.expire(ctx, g, expired, dataPartitions());
                    } else {
                        startRebalance(ctx, g);
                    }
                }
            }
            ctx.setTimer(checkPeriod(), new GroupTimer.SessionCheck());
        } else if (t instanceof GroupTimer.JoinDeadline d) {
            Group g = groups.get(d.group());
            if (g != null && g.phase == Group.Phase.JOINING && g.round == d.round()) {
                // Members that did not rejoin within the rebalance timeout are dropped (C7.2).
                completeJoin(ctx, g);
            }
        }
    }

    // ------------------------------------------------------------------ offsets (C7.5, C7.6)

    private void commit(Context ctx, HostId from, Group g, OffsetCommit c) {
        KafkaError e = g == null ? KafkaError.NOT_COORDINATOR
                : config.consumerProtocol() ? ConsumerGroupProtocol.commitAllowed(g, c.memberId(), c.generation())
                : commitAllowed(g, c);
        if (e != KafkaError.NONE || c.offsets().isEmpty()) {
            ctx.send(from, new OffsetCommitResult(c.requestId(), c.group(), e));
            return;
        }
        long key = nextAppend;
        commits.put(key, new PendingCommit(from, c));
        int partition = layout.offsetsPartitionOf(g.name);
        c.offsets().forEach((p, offset) -> {
            long id = nextAppend++;
            appends.put(id, new PendingAppend(key, g.name, p, offset));
            OffsetRecord r = new OffsetRecord(g.index, p, offset);
            appender.append(ctx, new Produce(id, partition, List.of(new KeyValue(r.key(), r.encode())),
                    KafkaConfig.Acks.ALL, -1, -1));
        });
    }

    /** Commits of the current generation are accepted, also while it rebalances (C7.5). */
    private static KafkaError commitAllowed(Group g, OffsetCommit c) {
        if (!g.members.containsKey(c.memberId())) {
            return KafkaError.UNKNOWN_MEMBER_ID;
        }
        return c.generation() == g.generation ? KafkaError.NONE : KafkaError.ILLEGAL_GENERATION;
    }

    /** An answer to one of this coordinator's appends; true if it was one. */
    public boolean onAppendResult(Context ctx, ProduceResult r) {
        PendingAppend a = appends.remove(r.requestId());
        if (a == null) {
            return false;
        }
        PendingCommit c = commits.get(a.commitKey());
        Group g = groups.get(a.group());
        if (r.error() == KafkaError.NONE && g != null) {
            g.committed.put(a.partition(), a.offset());
        } else if (r.error() != KafkaError.NONE && c != null) {
            c.error = r.error() == KafkaError.NOT_LEADER_OR_FOLLOWER ? KafkaError.NOT_COORDINATOR : r.error();
        }
        if (c != null && --c.outstanding == 0) {
            commits.remove(a.commitKey());
            ctx.send(c.from, new OffsetCommitResult(c.request.requestId(), c.request.group(), c.error));
        }
        return true;
    }
}
