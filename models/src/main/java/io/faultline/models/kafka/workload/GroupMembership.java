package io.faultline.models.kafka.workload;

import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.server.group.GroupTimer;
import io.faultline.models.kafka.wire.GroupMessage;
import io.faultline.models.kafka.wire.GroupMessage.ConsumerGroupHeartbeat;
import io.faultline.models.kafka.wire.GroupMessage.ConsumerGroupHeartbeatResult;
import io.faultline.models.kafka.wire.GroupMessage.Heartbeat;
import io.faultline.models.kafka.wire.GroupMessage.HeartbeatResult;
import io.faultline.models.kafka.wire.GroupMessage.JoinGroup;
import io.faultline.models.kafka.wire.GroupMessage.JoinResult;
import io.faultline.models.kafka.wire.GroupMessage.LeaveGroup;
import io.faultline.models.kafka.wire.GroupMessage.SyncGroup;
import io.faultline.models.kafka.wire.GroupMessage.SyncResult;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The group-membership half of a {@link GroupConsumer} (FIDELITY C7.2-C7.4): JoinGroup,
 * SyncGroup, heartbeats every {@code heartbeat.interval.ms} (a background thread in the real
 * client, so they go on while the application processes), and what each coordinator error means.
 * Eager members give up every partition before rejoining; cooperative ones keep theirs and give
 * up only what the new assignment moves (KIP-429). With group.protocol=consumer (KIP-848, C7.8)
 * there is no join or sync: heartbeats carry what the member owns and bring back its assignment. Losing membership (an unknown member id, a
 * stale generation) loses the partitions without a commit.
 */
final class GroupMembership {
    /** What the consumer does when partitions come and go, and when the loop may go on. */
    interface Listener {
        /** {@code revoked} leave this member; {@code commitFirst} unless they were lost or already committed. */
        void revoking(Context ctx, List<Integer> revoked, boolean commitFirst);

        void assigned(Context ctx, List<Integer> added);

        /** A join or sync step ended (well or not): the application's loop goes on. */
        void resume(Context ctx);
    }

    private enum State { UNJOINED, JOINING, SYNCING, STABLE }

    /** Request ids of membership requests, apart from the consumer's own. */
    private static final long IDS = 1L << 40;

    private final KafkaConfig config;
    private final String group;
    private final String instanceId;
    private final Listener listener;
    private String memberId = "";
    private int generation = -1;
    private State state = State.UNJOINED;
    private boolean rejoin;
    private boolean joinPending;
    private boolean heartbeating;
    private long awaiting = -1;
    private long nextId = IDS;
    private List<Integer> owned = new ArrayList<>();
    /** group.protocol=consumer: an assignment received, not yet applied (null: none). */
    private List<Integer> pending;

    GroupMembership(KafkaConfig config, String group, String instanceId, Listener listener) {
        this.config = config;
        this.group = group;
        this.instanceId = instanceId;
        this.listener = listener;
    }

    String group() {
        return group;
    }

    String memberId() {
        return memberId;
    }

    int generation() {
        return generation;
    }

    List<Integer> owned() {
        return List.copyOf(owned);
    }

    boolean stable() {
        return state == State.STABLE;
    }

    /** Whether the next loop turn must (re)join: not a member, or a rebalance was announced. */
    boolean needsJoin() {
        return state == State.UNJOINED || state == State.STABLE && rejoin;
    }

    /** Whether a commit can name a live membership (otherwise it would fail as CommitFailedException). */
    boolean canCommit() {
        return !memberId.isEmpty() && generation >= 0 && state != State.UNJOINED;
    }

    /** The join waits for the commit onJoinPrepare sent. */
    void joinAfterCommit() {
        joinPending = true;
    }

    boolean joinPending() {
        return joinPending;
    }

    void join(Context ctx, HostId coordinator) {
        joinPending = false;
        if (config.consumerProtocol()) {
            // KIP-848: joining is a heartbeat with epoch 0; the answer carries the assignment (C7.8).
            state = State.JOINING;
            rejoin = false;
            ctx.send(coordinator, new ConsumerGroupHeartbeat(group, memberId, ConsumerGroupHeartbeat.JOIN, List.of()));
            expectAnswer(ctx, config.requestTimeoutMs());
            startHeartbeats(ctx);
            return;
        }
        if (!config.cooperativeRebalancing() && !owned.isEmpty()) {
            // Eager: everything is revoked before rejoining; onJoinPrepare already committed (C7.3).
            listener.revoking(ctx, owned(), false);
            owned.clear();
        }
        state = State.JOINING;
        rejoin = false;
        ctx.send(coordinator, new JoinGroup(group, memberId, instanceId, owned));
        // The coordinator holds a JoinGroup for up to the rebalance timeout: the Java client waits
        // max(request.timeout.ms, max.poll.interval.ms + 5 s) for it (C7.2).
        expectAnswer(ctx, Math.max(config.requestTimeoutMs(), config.maxPollIntervalMs() + 5000));
    }

    private void expectAnswer(Context ctx, long ms) {
        awaiting = nextId++;
        ctx.setTimer(ms * Simulation.MILLIS, new GroupTimer.Expired(awaiting));
    }

    /** A membership request got no answer: start over. */
    void expired(Context ctx, long id) {
        if (id == awaiting && (state == State.JOINING || state == State.SYNCING)) {
            state = State.UNJOINED;
            awaiting = -1;
            listener.resume(ctx);
        }
    }

    private void startHeartbeats(Context ctx) {
        if (!heartbeating) {
            heartbeating = true;
            ctx.setTimer(config.groupHeartbeatIntervalMs() * Simulation.MILLIS, new GroupTimer.HeartbeatDue());
        }
    }

    void heartbeat(Context ctx, Optional<HostId> coordinator) {
        if (state == State.STABLE && coordinator.isPresent()) {
            ctx.send(coordinator.get(), config.consumerProtocol()
                    ? new ConsumerGroupHeartbeat(group, memberId, generation, owned)
                    : new Heartbeat(group, memberId, generation));
        }
        ctx.setTimer(config.groupHeartbeatIntervalMs() * Simulation.MILLIS, new GroupTimer.HeartbeatDue());
    }

    /** max.poll.interval.ms passed without a poll: a dynamic member leaves; a static one stays (KIP-345). */
    void pollTimeout(Context ctx, Optional<HostId> coordinator) {
        if (!instanceId.isEmpty() || memberId.isEmpty()) {
            return;
        }
        coordinator.ifPresent(c -> ctx.send(c, leaveRequest()));
        memberId = "";
        lose(ctx);
    }

    /** KafkaConsumer.close(): a dynamic member sends LeaveGroup so the group rebalances at once (C7.2). */
    void leave(Context ctx, Optional<HostId> coordinator) {
        if (instanceId.isEmpty() && !memberId.isEmpty()) {
            coordinator.ifPresent(c -> ctx.send(c, leaveRequest()));
        }
        memberId = "";
        owned.clear();
        pending = null;
        generation = -1;
        state = State.UNJOINED;
    }

    /** LeaveGroup, or KIP-848's heartbeat with epoch -1 (C7.8). */
    private GroupMessage leaveRequest() {
        return config.consumerProtocol()
                ? new ConsumerGroupHeartbeat(group, memberId, ConsumerGroupHeartbeat.LEAVE, List.of())
                : new LeaveGroup(group, memberId);
    }

    /** Partitions lost with the membership: no commit can cover them any more. */
    private void lose(Context ctx) {
        if (!owned.isEmpty()) {
            listener.revoking(ctx, owned(), false);
        }
        owned.clear();
        pending = null;
        generation = -1;
        state = State.UNJOINED;
    }

    /** A commit's answer; the errors that mean "no longer a member of this generation" (CommitFailedException). */
    void onCommitResult(Context ctx, KafkaError e) {
        if (e == KafkaError.UNKNOWN_MEMBER_ID) {
            memberId = "";
            lose(ctx);
        } else if (e == KafkaError.ILLEGAL_GENERATION) {
            lose(ctx);
        } else if (e == KafkaError.REBALANCE_IN_PROGRESS && state == State.STABLE) {
            rejoin = true;
        }
    }

    void onMessage(Context ctx, HostId from, GroupMessage m) {
        if (!m.group().equals(group)) {
            return;
        }
        if (m instanceof ConsumerGroupHeartbeatResult r) {
            onConsumerHeartbeat(ctx, from, r);
        } else if (m instanceof JoinResult r && state == State.JOINING) {
            awaiting = -1;
            if (r.error() == KafkaError.NONE) {
                memberId = r.memberId();
                generation = r.generation();
                state = State.SYNCING;
                ctx.send(from, new SyncGroup(group, memberId, generation));
                expectAnswer(ctx, config.requestTimeoutMs());
                startHeartbeats(ctx);
                return;
            }
            if (r.error() == KafkaError.UNKNOWN_MEMBER_ID) {
                memberId = "";
            }
            state = State.UNJOINED;
            listener.resume(ctx);
        } else if (m instanceof SyncResult r && state == State.SYNCING) {
            awaiting = -1;
            if (r.error() == KafkaError.NONE && r.generation() == generation) {
                assign(ctx, r.assignment());
            } else if (r.error() == KafkaError.UNKNOWN_MEMBER_ID) {
                memberId = "";
                lose(ctx);
            } else {
                state = State.UNJOINED;
            }
            listener.resume(ctx);
        } else if (m instanceof HeartbeatResult r && state == State.STABLE) {
            switch (r.error()) {
                case REBALANCE_IN_PROGRESS -> rejoin = true;
                case ILLEGAL_GENERATION -> lose(ctx);
                case UNKNOWN_MEMBER_ID -> {
                    memberId = "";
                    lose(ctx);
                }
                default -> {
                    // NONE, or NOT_COORDINATOR: the consumer's metadata finds the new coordinator.
                }
            }
        }
    }

    /**
     * KIP-848's answer (C7.8): revoke what it no longer lists (committing first), take what it adds,
     * and tell the coordinator at once when something was revoked, so the new owner need not wait
     * a heartbeat interval. Nothing else stops: the loop goes on polling what is kept.
     */
    private void onConsumerHeartbeat(Context ctx, HostId from, ConsumerGroupHeartbeatResult r) {
        boolean joining = state == State.JOINING;
        if (joining) {
            awaiting = -1;
        }
        if (r.error() == KafkaError.UNKNOWN_MEMBER_ID) {
            memberId = "";
            lose(ctx);
        } else if (r.error() == KafkaError.NONE && (joining || state == State.STABLE)) {
            memberId = r.memberId();
            generation = r.memberEpoch();
            state = State.STABLE;
            if (!r.assignment().equals(owned)) {
                pending = List.copyOf(r.assignment()); // applied by the application's thread, between polls
            }
        } else if (joining) {
            state = State.UNJOINED; // NOT_COORDINATOR: the metadata finds the new coordinator
        }
        if (joining) {
            listener.resume(ctx);
        }
    }

    /**
     * Between two polls (the Java client reconciles in the application thread, in {@code poll}):
     * applies the assignment the last heartbeat brought, committing what is revoked first, and
     * tells the coordinator at once when something was revoked, so the new owner need not wait a
     * heartbeat interval (C7.8).
     */
    void reconcile(Context ctx, Optional<HostId> coordinator) {
        if (pending == null || state != State.STABLE) {
            return;
        }
        List<Integer> next = pending;
        pending = null;
        boolean revoked = owned.stream().anyMatch(p -> !next.contains(p));
        assign(ctx, next);
        if (revoked) {
            coordinator.ifPresent(c -> ctx.send(c, new ConsumerGroupHeartbeat(group, memberId, generation, owned)));
        }
    }

    private void assign(Context ctx, List<Integer> assignment) {
        List<Integer> revoked = owned.stream().filter(p -> !assignment.contains(p)).toList();
        List<Integer> added = assignment.stream().filter(p -> !owned.contains(p)).toList();
        if (!revoked.isEmpty()) {
            listener.revoking(ctx, revoked, true);
        }
        owned = new ArrayList<>(assignment);
        state = State.STABLE;
        listener.assigned(ctx, added);
    }
}
