package io.faultline.models.kafka.server;

import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.ControllerMode;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.server.kraft.MetadataImage;
import io.faultline.models.kafka.server.kraft.QuorumLog;
import io.faultline.models.kafka.server.kraft.RaftNode;
import io.faultline.models.kafka.server.kraft.RaftTick;
import io.faultline.models.kafka.wire.KraftMessage;
import io.faultline.models.kafka.wire.KraftMessage.NotController;
import io.faultline.models.kafka.wire.MetadataRecord;
import io.faultline.models.kafka.wire.KafkaMessage.AlterIsr;
import io.faultline.models.kafka.wire.KafkaMessage.ElectPreferred;
import io.faultline.models.kafka.wire.KafkaMessage.Heartbeat;
import io.faultline.models.kafka.wire.KafkaMessage.LeaderAndIsr;
import io.faultline.models.kafka.wire.KafkaMessage.Metadata;
import io.faultline.models.kafka.wire.KafkaMessage.MetadataRequest;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The controller (FIDELITY C4): one simulated service standing for ZooKeeper plus the elected
 * controller broker (ZooKeeper era), or one voter of the KRaft controller quorum. It tracks broker liveness by session
 * timeout ({@code zookeeper.session.timeout.ms} or {@code broker.session.timeout.ms}), elects
 * leaders (clean from the live ISR; unclean from any live replica if
 * {@code unclean.leader.election.enable}), bumps the leader epoch on every leader change, applies
 * ISR changes from leaders of the current epoch, and moves leadership back to preferred replicas.
 *
 * <p>In the ZooKeeper era the controller role is a broker's ({@link ControllerSeat}, FIDELITY C4.1):
 * this process stands for ZooKeeper's znodes and sessions, and elects leaders only while a live
 * broker holds the seat and has loaded the state. When the holder's session expires the seat is
 * empty and no leader is elected; the next holder reads the state back and resumes from what it
 * finds. Leaders still write their ISR changes (to ZooKeeper, before 2.7), and decisions already
 * taken keep being delivered. ZooKeeper itself is modelled as reliable [M17].
 *
 * <p>In the KRaft era (FIDELITY C4.2) each controller host runs this process over a {@link RaftNode}:
 * only the quorum's leader decides, and every decision (a partition change, a broker registered or
 * fenced) is a record of the metadata log that brokers act on once it is committed; they learn it by
 * fetching the log. A new leader replays its log and gives every broker a fresh session.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Controller implements Process {
    private final KafkaConfig config;
    private final ClusterLayout layout;
    private final Map<Integer, PartitionState> partitions = new TreeMap<>();
    private final Map<Integer, Long> lastSeen = new TreeMap<>();
    private final Map<Integer, Long> incarnations = new TreeMap<>();
    private final Map<Integer, Boolean> alive = new TreeMap<>();
    private final List<String> elections = new ArrayList<>();
    /** Brokers that restarted while no controller acted: the next one moves their leadership. */
    private final java.util.Set<Integer> restartedWhileVacant = new java.util.TreeSet<>();
    /** Brokers whose session expired while no controller acted: the next one handles them as failed. */
    private final java.util.Set<Integer> expiredWhileVacant = new java.util.TreeSet<>();
    private ControllerSeat seat = ControllerSeat.vacant();
    private boolean resumed;
    /** KRaft only: this voter's index in the quorum, its disk, its Raft, and the committed image. */
    private final int voter;
    private final QuorumLog quorumLog;
    private RaftNode raft;
    private MetadataImage committed;

    /** The ZooKeeper-era controller service. */
    public Controller(KafkaConfig config, ClusterLayout layout) {
        this(config, layout, -1, null);
    }

    /** Voter {@code voter} of the KRaft quorum, keeping {@code log} on its disk. */
    public Controller(KafkaConfig config, ClusterLayout layout, int voter, QuorumLog log) {
        this.config = config;
        this.layout = layout;
        this.voter = voter;
        this.quorumLog = log;
    }

    /**
     * The controller's record of every partition; in the KRaft era the committed one, which is
     * what brokers act on (a leader's uncommitted decisions are not the system's view).
     */
    public Map<Integer, PartitionState> partitions() {
        return java.util.Collections.unmodifiableMap(kraft() ? committed.partitions() : partitions);
    }

    /** One line per leader change, for reports (in the KRaft era, the committed ones). */
    public List<String> elections() {
        return java.util.Collections.unmodifiableList(kraft() ? committed.elections() : elections);
    }

    /** This voter's Raft, in the KRaft era. */
    public Optional<RaftNode> raft() {
        return Optional.ofNullable(raft);
    }

    /** True for a voter of a KRaft quorum (C4.2); the KRaft controller without voters is one reliable service [M17]. */
    private boolean kraft() {
        return config.quorum();
    }

    /** Who holds the controller role (ZooKeeper era) and its epoch. */
    public ControllerSeat seat() {
        return seat;
    }

    public boolean alive(int broker) {
        return alive.getOrDefault(broker, false);
    }

    @Override
    public void onStart(Context ctx) {
        for (int b = 0; b < layout.brokerCount(); b++) {
            alive.put(b, true);
            lastSeen.put(b, ctx.now());
        }
        layout.assignment().forEach((p, replicas) ->
                partitions.put(p, new PartitionState(p, replicas.get(0), 0, replicas, replicas)));
        if (config.controller() == ControllerMode.ZOOKEEPER) {
            // The first broker to start wins /controller; at cluster start it has nothing to load.
            takeSeat(ctx, 0, 0, "the first broker registered");
            resumed = true;
        } else if (kraft()) {
            committed = new MetadataImage(layout);
            raft = new RaftNode(voter, layout.quorum(), config, quorumLog, new RaftNode.Listener() {
                @Override
                public void onLeader(Context c) {
                    load(c, quorumLog.end());
                }

                @Override
                public void onDeposed(Context c) {
                    load(c, raft.highWatermark());
                }

                @Override
                public void onCommit(Context c) {
                    committed.catchUp(quorumLog, raft.highWatermark());
                }
            });
            raft.start(ctx, MetadataImage.bootstrap(layout));
            committed.catchUp(quorumLog, raft.highWatermark());
        }
        ctx.setTimer(SESSION_CHECK, new KafkaTimer.SessionCheck());
        if (config.autoLeaderRebalance()) {
            ctx.setTimer(config.leaderImbalanceCheckIntervalMs() * Simulation.MILLIS, new KafkaTimer.PreferredCheck());
        }
    }

    static final long SESSION_CHECK = 100 * Simulation.MILLIS;

    /**
     * KRaft (C4.2): the working state of the decisions is the replay of the log up to {@code upTo}
     * (all of it for a new leader, the committed prefix for a deposed one), and a new leader gives
     * every broker a fresh session: heartbeat times are not in the log.
     */
    private void load(Context ctx, long upTo) {
        MetadataImage image = MetadataImage.replay(layout, quorumLog, upTo);
        partitions.clear();
        partitions.putAll(image.partitions());
        alive.clear();
        alive.putAll(image.unfenced());
        incarnations.clear();
        incarnations.putAll(image.incarnations());
        for (int b = 0; b < layout.brokerCount(); b++) {
            lastSeen.put(b, ctx.now());
        }
    }

    /** KRaft: a decision is a record of the metadata log (nothing in the ZooKeeper era, whose state is in memory). */
    private void record(Context ctx, MetadataRecord r) {
        if (kraft()) {
            raft.append(ctx, r);
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof KraftMessage k) {
            raft.onMessage(ctx, from, k);
        } else if (kraft() && !acting(ctx) && (m instanceof Heartbeat || m instanceof AlterIsr)) {
            // Only the active controller takes broker requests; the broker tries the one named (KIP-631).
            ctx.send(from, new NotController(raft.epoch(), raft.leader()));
        } else if (m instanceof Heartbeat h) {
            onHeartbeat(ctx, h);
        } else if (m instanceof AlterIsr a) {
            onAlterIsr(ctx, from, a);
        } else if (m instanceof MetadataRequest r) {
            ctx.send(from, new Metadata(r.requestId(), new ArrayList<>(partitions().values())));
        } else if (m instanceof ElectPreferred) {
            electPreferred(ctx);
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof RaftTick) {
            raft.onTick(ctx);
        } else if (t instanceof KafkaTimer.SessionCheck) {
            long timeout = config.sessionTimeoutMs() * Simulation.MILLIS;
            List<Integer> expired = new ArrayList<>();
            for (int b = 0; b < layout.brokerCount() && (!kraft() || acting(ctx)); b++) {
                if (alive.get(b) && ctx.now() - lastSeen.get(b) > timeout) {
                    alive.put(b, false);
                    ctx.log("broker " + b + " session expired");
                    record(ctx, new MetadataRecord.BrokerFence(b, ctx.now()));
                    expired.add(b);
                }
            }
            if (config.controller() == ControllerMode.ZOOKEEPER && expired.contains(seat.holder())) {
                // Its ephemeral /controller goes with its session: a dead controller decides nothing.
                vacate(ctx, "controller b" + (seat.holder() + 1) + "'s session expired");
            }
            if (!acting(ctx)) {
                expiredWhileVacant.addAll(expired);
            }
            expired.forEach(b -> onBrokerFailure(ctx, b));
            if (config.controller() == ControllerMode.ZOOKEEPER) {
                checkSeat(ctx);
            }
            ctx.setTimer(SESSION_CHECK, new KafkaTimer.SessionCheck());
        } else if (t instanceof KafkaTimer.PreferredCheck) {
            electPreferred(ctx);
            ctx.setTimer(config.leaderImbalanceCheckIntervalMs() * Simulation.MILLIS, new KafkaTimer.PreferredCheck());
        }
    }

    /**
     * True while this process decides: a KRaft quorum's leader; the KRaft service without voters
     * always [M17]; in the ZooKeeper era while the seat's holder acts.
     */
    private boolean acting(Context ctx) {
        if (kraft()) {
            return raft.leading();
        }
        return config.controller() == ControllerMode.KRAFT || seat.acting(ctx.now());
    }

    /** The controller epoch stamped on pushed decisions (the KRaft service without voters has one epoch). */
    private int controllerEpoch() {
        return config.controller() == ControllerMode.KRAFT ? 1 : seat.epoch();
    }

    /**
     * ZooKeeper era (C4.1): a holder whose session expired loses /controller; the first live broker
     * (the lowest id: which one wins the race is arbitrary in Kafka) takes it with the next epoch and
     * acts once it has loaded the state, then resumes from what it reads.
     */
    private void checkSeat(Context ctx) {
        if (seat.held() && !alive.get(seat.holder())) {
            vacate(ctx, "controller b" + (seat.holder() + 1) + "'s session expired");
        }
        if (!seat.held()) {
            for (int b = 0; b < layout.brokerCount(); b++) {
                if (alive.get(b)) {
                    takeSeat(ctx, b, config.controllerLoadMs() * Simulation.MILLIS, "won the /controller race");
                    break;
                }
            }
        }
        if (!resumed && seat.acting(ctx.now())) {
            resumed = true;
            resume(ctx);
        }
    }

    private void vacate(Context ctx, String why) {
        seat = seat.emptied();
        resumed = false;
        elections.add(ctx.now() + " controller gone, epoch " + seat.epoch() + " (" + why + "): no elections until the next one acts");
        ctx.log("/controller deleted: " + why);
    }

    private void takeSeat(Context ctx, int b, long loadNanos, String why) {
        seat = seat.takenBy(b, ctx.now(), loadNanos);
        elections.add(ctx.now() + " controller b" + (b + 1) + " epoch " + seat.epoch() + " (" + why
                + "; acts after loading the state, " + loadNanos / Simulation.MILLIS + " ms)");
        ctx.log("controller b" + (b + 1) + " epoch " + seat.epoch() + ": " + why);
    }

    /**
     * A new controller's first acts (C4.1): it moves the leadership of brokers that restarted while
     * nobody decided, elects leaders for partitions whose leader died, drops dead replicas from ISRs,
     * brings offline partitions back, and sends every replica its partition's state.
     */
    private void resume(Context ctx) {
        ctx.log("controller b" + (seat.holder() + 1) + " epoch " + seat.epoch() + " loaded the state, resumes");
        for (int b : restartedWhileVacant) {
            if (alive.get(b)) {
                moveLeadershipAway(ctx, b);
            }
        }
        restartedWhileVacant.clear();
        for (int b = 0; b < layout.brokerCount(); b++) {
            // A broker that died meanwhile, even if it is back, missed records: it leaves the ISRs
            // and its leaderships, as it would have with a controller watching.
            if (!alive.get(b) || expiredWhileVacant.contains(b)) {
                onBrokerFailure(ctx, b);
            }
        }
        expiredWhileVacant.clear();
        for (int b = 0; b < layout.brokerCount(); b++) {
            if (alive.get(b)) {
                onBrokerStartup(ctx, b);
            }
        }
        partitions.values().forEach(s -> announce(ctx, s));
    }

    private void onHeartbeat(Context ctx, Heartbeat h) {
        int b = h.broker();
        lastSeen.put(b, ctx.now());
        Long known = incarnations.put(b, h.incarnation());
        boolean restarted = known != null && known != h.incarnation();
        // KRaft: a new incarnation, or a fenced broker back, registers (after the records its restart causes).
        boolean register = kraft() && (known == null || restarted || !alive.get(b));
        if (!alive.get(b)) {
            alive.put(b, true);
            ctx.log("broker " + b + " registered");
            onBrokerStartup(ctx, b);
        } else if (restarted) {
            ctx.log("broker " + b + " re-registered after a restart");
            if (config.controller() == ControllerMode.ZOOKEEPER && seat.holder() == b) {
                // The controller's process died with its role (C4.1): the seat is raced for anew.
                vacate(ctx, "controller b" + (b + 1) + " restarted");
                checkSeat(ctx);
            }
            if (!acting(ctx)) {
                restartedWhileVacant.add(b);
            } else if (config.controller() == ControllerMode.KRAFT) {
                // KRaft fences the old incarnation: out of every ISR until it catches up again.
                onBrokerFailure(ctx, b);
            } else {
                // ZooKeeper era, a restart within the session timeout [M18]: the ISR is kept (as in
                // KIP-101's scenario 1, C5.2), only the leadership of the dead process moves.
                moveLeadershipAway(ctx, b);
            }
            onBrokerStartup(ctx, b);
        }
        if (register) {
            record(ctx, new MetadataRecord.BrokerRegistration(b, h.incarnation(), ctx.now()));
        } else if (!kraft()) {
            // Resend the broker its partitions' state: the controller's channel retries until delivered.
            for (PartitionState s : partitions.values()) {
                if (s.replicas().contains(b)) {
                    ctx.send(layout.broker(b), new LeaderAndIsr(s, h.incarnation(), controllerEpoch()));
                }
            }
        }
    }

    private void onBrokerFailure(Context ctx, int b) {
        if (!acting(ctx)) {
            return; // the next controller finds the dead broker when it resumes
        }
        for (PartitionState s : new ArrayList<>(partitions.values())) {
            if (!s.replicas().contains(b)) {
                continue;
            }
            if (s.leader() == b) {
                elect(ctx, s, b, "leader " + b + " failed");
            } else if (s.isr().contains(b) && s.isr().size() > 1) {
                List<Integer> isr = new ArrayList<>(s.isr());
                isr.remove(Integer.valueOf(b));
                update(ctx, s.withIsr(isr), "broker " + b + " failed, out of the ISR");
            }
        }
    }

    private void moveLeadershipAway(Context ctx, int b) {
        for (PartitionState s : new ArrayList<>(partitions.values())) {
            if (s.leader() == b) {
                boolean other = false;
                for (int r : s.isr()) {
                    other |= r != b && alive.get(r);
                }
                if (other) {
                    elect(ctx, s, b, "leader " + b + " restarted");
                } else {
                    changeLeader(ctx, s, b, s.isr(), "leader " + b + " restarted, re-elected");
                }
            }
        }
    }

    private void onBrokerStartup(Context ctx, int b) {
        if (!acting(ctx)) {
            return;
        }
        for (PartitionState s : new ArrayList<>(partitions.values())) {
            if (s.replicas().contains(b) && !s.online()) {
                elect(ctx, s, -1, "broker " + b + " came back");
            }
        }
    }

    /**
     * Elects a leader for {@code s} other than {@code excluded} (C4): the first live ISR member in
     * assignment order; else, if unclean election is enabled, the first live replica, whose log
     * becomes the truth; else the partition goes offline, keeping its last ISR, until an ISR member
     * returns.
     */
    private void elect(Context ctx, PartitionState s, int excluded, String why) {
        for (int r : s.replicas()) {
            if (r != excluded && alive.get(r) && s.isr().contains(r)) {
                List<Integer> isr = new ArrayList<>();
                for (int i : s.isr()) {
                    if (i != excluded && alive.get(i)) {
                        isr.add(i);
                    }
                }
                changeLeader(ctx, s, r, isr, why + ": clean election");
                return;
            }
        }
        if (config.uncleanLeaderElection()) {
            for (int r : s.replicas()) {
                if (r != excluded && alive.get(r)) {
                    changeLeader(ctx, s, r, List.of(r), why + ": UNCLEAN election of out-of-sync replica " + r);
                    return;
                }
            }
        }
        if (s.online()) {
            List<Integer> isr = s.isr().size() > 1 && s.isr().contains(excluded) ? without(s.isr(), excluded) : s.isr();
            changeLeader(ctx, s, PartitionState.NO_LEADER, isr, why + ": no eligible replica, partition offline");
        }
    }

    private static List<Integer> without(List<Integer> l, int x) {
        List<Integer> out = new ArrayList<>(l);
        out.remove(Integer.valueOf(x));
        return out;
    }

    private void changeLeader(Context ctx, PartitionState s, int leader, List<Integer> isr, String why) {
        PartitionState next = s.withLeader(leader, isr);
        elections.add(ctx.now() + " p" + s.partition() + " epoch " + next.leaderEpoch() + " leader " + leader + " (" + why + ")");
        ctx.log("p" + s.partition() + " epoch " + next.leaderEpoch() + " leader " + leader + " isr " + isr + ": " + why);
        update(ctx, next, why);
    }

    /** Takes a decision: sent to the replicas (ZooKeeper era) or written to the metadata log (KRaft). */
    private void update(Context ctx, PartitionState next, String why) {
        partitions.put(next.partition(), next);
        if (kraft()) {
            record(ctx, new MetadataRecord.PartitionChange(next, ctx.now(), why));
        } else {
            announce(ctx, next);
        }
    }

    private void announce(Context ctx, PartitionState s) {
        for (int r : s.replicas()) {
            Long inc = incarnations.get(r);
            if (inc != null && alive.get(r)) {
                ctx.send(layout.broker(r), new LeaderAndIsr(s, inc, controllerEpoch()));
            }
        }
    }

    /** Applies an ISR change from the current leader of the current epoch (C1); others learn the truth. */
    private void onAlterIsr(Context ctx, HostId from, AlterIsr a) {
        PartitionState s = partitions.get(a.partition());
        if (s == null) {
            return;
        }
        if (s.leader() != a.leader() || s.leaderEpoch() != a.leaderEpoch()) {
            return; // the next heartbeat's state resend corrects the sender
        }
        List<Integer> isr = new ArrayList<>();
        for (int r : a.isr()) {
            if (s.replicas().contains(r) && (alive.get(r) || r == s.leader())) {
                isr.add(r);
            }
        }
        if (!isr.contains(s.leader())) {
            isr.add(0, s.leader());
        }
        if (!isr.equals(s.isr())) {
            ctx.log("p" + s.partition() + " isr " + s.isr() + " -> " + isr);
            update(ctx, s.withIsr(isr), "ISR change by leader " + s.leader());
        }
    }

    /** Preferred leader election (C4): move leadership to the first replica if it is alive and in sync. */
    private void electPreferred(Context ctx) {
        if (!acting(ctx)) {
            return;
        }
        for (PartitionState s : new ArrayList<>(partitions.values())) {
            int preferred = s.replicas().get(0);
            if (s.leader() != preferred && alive.get(preferred) && s.isr().contains(preferred)) {
                changeLeader(ctx, s, preferred, s.isr(), "preferred leader election");
            }
        }
    }
}
