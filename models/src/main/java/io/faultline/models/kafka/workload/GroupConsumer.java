package io.faultline.models.kafka.workload;

import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.server.group.GroupTimer;
import io.faultline.models.kafka.wire.GroupMessage;
import io.faultline.models.kafka.wire.GroupMessage.OffsetCommit;
import io.faultline.models.kafka.wire.GroupMessage.OffsetCommitResult;
import io.faultline.models.kafka.wire.GroupMessage.OffsetFetch;
import io.faultline.models.kafka.wire.GroupMessage.OffsetFetchResult;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage.Fetch;
import io.faultline.models.kafka.wire.KafkaMessage.FetchResult;
import io.faultline.models.kafka.wire.KafkaMessage.ListOffsetsResult;
import io.faultline.models.kafka.wire.KafkaMessage.Metadata;
import io.faultline.models.kafka.wire.KafkaMessage.MetadataRequest;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.PendingRequests;
import io.faultline.sim.client.Recorder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A consumer in a consumer group (Jepsen's {@code :subscribe}, FIDELITY C7): its
 * {@link GroupMembership} joins the group and holds its assignment; this class runs the
 * application's loop over it. Each {@code :poll} op is invoked when the poll starts and completes
 * {@code ok} when the application has processed the records (after {@code kafka.consumer.processing.ms}),
 * so a consumer that crashes mid-processing leaves the op open: those records were not consumed.
 * Commits (C7.5): auto-commit sends the positions of returned records every
 * {@code auto.commit.interval.ms} and before a rebalance revokes partitions; otherwise the
 * application commits (commitSync or commitAsync) after each poll's records. With
 * {@code kafka.consumer.processing=after-commit} the commit is sent when the records are returned,
 * before they are processed: the at-most-once window. A partition without a committed offset, or
 * whose position is out of range, follows {@code auto.offset.reset} ({@link PositionResets}, C8.3).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GroupConsumer implements Process {
    private final Recorder recorder;
    private final KafkaConfig config;
    private final ClusterLayout layout;
    private final int partitions;
    private final long pollIntervalNanos;
    private final int maxPollRecords;
    private final GroupMembership membership;
    private int process;

    private final Map<Integer, PartitionState> metadata = new TreeMap<>();
    /** Next offset to hand to the application, per owned partition whose position is known. */
    private final Map<Integer, Long> position = new TreeMap<>();
    /** Positions when the current poll started: a poll that throws hands out nothing (C8.3). */
    private final Map<Integer, Long> pollStart = new TreeMap<>();
    private final PositionResets resets;
    private final Map<Integer, List<KafkaOps.Read>> gathered = new TreeMap<>();
    private final PendingRequests<Integer> fetches = new PendingRequests<>();
    private OpHandle current;
    private long pollSeq;
    private int budget;
    private boolean processing;
    private long lastAutoCommit;
    /** A commitSync whose answer the loop waits for (-1: none). */
    private long syncCommit = -1;
    private long offsetFetch = -1;
    private long nextRequest = 1;
    private long extraProcessingNanos;
    private boolean loopDue;
    private long commitSentAt = -1;
    private long lastProcessedAt;
    /** A sink of the caller's that processes the records and commits (empty: the configured policy). */
    private final Optional<ConsumerApplication> application;
    private final Map<Long, java.util.function.Consumer<Boolean>> appCommits = new TreeMap<>();
    /** This incarnation's context, for {@link #close()} called from outside a handler (a driver's script). */
    private Context ctx;
    private boolean closed;

    public GroupConsumer(Recorder recorder, KafkaConfig config, ClusterLayout layout, int partitions, int process,
                         String group, String instanceId, long pollIntervalNanos, int maxPollRecords) {
        this(recorder, config, layout, partitions, process, group, instanceId, pollIntervalNanos, maxPollRecords,
                Optional.empty());
    }

    /** As above, handing the records to {@code application}, which commits them itself. */
    public GroupConsumer(Recorder recorder, KafkaConfig config, ClusterLayout layout, int partitions, int process,
                         String group, String instanceId, long pollIntervalNanos, int maxPollRecords,
                         Optional<ConsumerApplication> application) {
        this.application = application;
        this.recorder = recorder;
        this.config = config;
        this.layout = layout;
        this.partitions = partitions;
        this.process = process;
        this.pollIntervalNanos = pollIntervalNanos;
        this.maxPollRecords = maxPollRecords;
        this.resets = new PositionResets(config.autoOffsetReset());
        this.membership = new GroupMembership(config, group, instanceId, new GroupMembership.Listener() {
            @Override
            public void revoking(Context ctx, List<Integer> revoked, boolean commitFirst) {
                onRevoke(ctx, revoked, commitFirst);
            }

            @Override
            public void assigned(Context ctx, List<Integer> added) {
                added.forEach(position::remove);
                resets.forget(added);
                application.ifPresent(a -> a.assigned(ctx, added));
            }

            @Override
            public void resume(Context ctx) {
                next(ctx);
            }
        });
        application.ifPresent(a -> a.attached(this));
    }

    /** The next batch the application processes takes {@code nanos} longer (a slow downstream call). */
    public void stallNextBatch(long nanos) {
        extraProcessingNanos = nanos;
    }

    /**
     * Whether the application is processing a non-empty batch and a commit was sent since it finished
     * the previous one: with processing before commit that commit covers only processed records; with
     * processing after commit it covers this batch too (the at-most-once window).
     */
    public boolean processingSinceCommit() {
        return processing && !gathered.isEmpty() && commitSentAt >= lastProcessedAt;
    }

    /** The Jepsen process this consumer records its ops as (a restarted one takes a fresh one). */
    public int process() {
        return process;
    }

    /**
     * {@code KafkaConsumer.close()} called by the application between polls: the member leaves its
     * group (a dynamic one with LeaveGroup, C7.2) and the consumer does nothing more. With
     * auto-commit, close commits the positions first, without waiting for the answer here.
     */
    public void close() {
        if (closed || ctx == null) {
            return;
        }
        Optional<HostId> coord = coordinator();
        if (config.autoCommit() && coord.isPresent() && membership.canCommit() && !position.isEmpty()) {
            commit(ctx, coord.get(), position);
        }
        membership.leave(ctx, coord);
        closed = true;
    }

    /** Whether {@link #close()} was called. */
    public boolean closed() {
        return closed;
    }

    /** The partitions this member holds. */
    public List<Integer> owned() {
        return membership.owned();
    }

    @Override
    public void onStart(Context ctx) {
        this.ctx = ctx;
        if (recorder.hasOpen(process)) {
            process = recorder.freshProcess(); // a restarted client continues as a fresh process (Jepsen)
        }
        List<Value> keys = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            keys.add(Value.of(p));
        }
        OpHandle sub = recorder.invoke(process, KafkaOps.SUBSCRIBE, Value.vec(keys));
        recorder.ok(sub, Value.vec(keys));
        lastAutoCommit = ctx.now();
        ctx.send(layout.controller(), new MetadataRequest(0));
        loopDue = true;
        ctx.setTimer(pollIntervalNanos, new GroupTimer.PollDue());
    }

    private Optional<HostId> coordinator() {
        PartitionState s = metadata.get(layout.offsetsPartitionOf(membership.group()));
        return s == null || !s.online() ? Optional.empty() : Optional.of(layout.broker(s.leader()));
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (closed) {
            return;
        }
        if (t instanceof GroupTimer.PollDue) {
            loopDue = false;
            if (current == null && syncCommit < 0 && offsetFetch < 0) {
                loop(ctx);
            }
        } else if (t instanceof GroupTimer.HeartbeatDue) {
            membership.heartbeat(ctx, coordinator());
        } else if (t instanceof GroupTimer.Processed p && p.poll() == pollSeq && processing) {
            processed(ctx);
        } else if (t instanceof GroupTimer.PollIntervalExpired p && p.poll() == pollSeq && processing) {
            // The application did not call poll within max.poll.interval.ms: the client leaves the
            // group (dynamic members send LeaveGroup; static ones wait for their session, KIP-345).
            ctx.log("max.poll.interval.ms expired while processing");
            membership.pollTimeout(ctx, coordinator());
        } else if (t instanceof GroupTimer.Expired e) {
            expired(ctx, e.requestId());
        } else if (!(t instanceof GroupTimer)) {
            application.ifPresent(a -> a.onTimer(ctx, t));
        }
    }

    private void expired(Context ctx, long id) {
        if (id == -pollSeq && current != null && !processing) {
            handOut(ctx);
        } else if (id == syncCommit) {
            afterSyncCommit(ctx);
        } else if (appCommits.containsKey(id)) {
            appCommits.remove(id).accept(false);
        } else if (id == offsetFetch) {
            offsetFetch = -1;
            next(ctx);
        } else {
            membership.expired(ctx, id);
        }
    }

    /** Schedules the next loop turn, unless one is already due. */
    private void next(Context ctx) {
        if (loopDue) {
            return;
        }
        loopDue = true;
        ctx.setTimer(Math.max(Simulation.MILLIS, (long) ctx.rng().exponential(pollIntervalNanos)), new GroupTimer.PollDue());
    }

    /** One turn of the application's loop: rejoin if needed, learn positions, then poll. */
    private void loop(Context ctx) {
        ctx.send(layout.controller(), new MetadataRequest(0));
        Optional<HostId> coord = coordinator();
        if (coord.isEmpty()) {
            next(ctx);
            return;
        }
        membership.reconcile(ctx, coord);
        if (membership.needsJoin()) {
            if (config.autoCommit() && membership.canCommit() && !position.isEmpty()) {
                // onJoinPrepare: auto-commit commits synchronously before the rebalance (C7.5).
                syncCommit = commit(ctx, coord.get(), position);
                membership.joinAfterCommit();
                return;
            }
            membership.join(ctx, coord.get());
            if (!config.incrementalRebalancing()) {
                return; // eager: nothing to poll until the assignment arrives (resume)
            }
        }
        List<Integer> unknown = membership.owned().stream()
                .filter(p -> !position.containsKey(p) && !resets.pending(p)).toList();
        if (!unknown.isEmpty() && membership.stable()) {
            long id = nextRequest++;
            offsetFetch = id;
            ctx.send(coord.get(), new OffsetFetch(id, membership.group(), unknown));
            ctx.setTimer(config.requestTimeoutMs() * Simulation.MILLIS, new GroupTimer.Expired(id));
            return;
        }
        resets.request(ctx, metadata, layout);
        Optional<String> failure = resets.takeFailure();
        if (failure.isPresent()) {
            // poll() throws NoOffsetForPartitionException (auto.offset.reset=none, C8.3).
            recorder.fail(recorder.invoke(process, KafkaOps.POLL, KafkaOps.pollInvoke()), Value.kw(failure.get()));
            next(ctx);
            return;
        }
        if (position.isEmpty()) {
            next(ctx);
            return;
        }
        startPoll(ctx);
    }

    private void startPoll(Context ctx) {
        current = recorder.invoke(process, KafkaOps.POLL, KafkaOps.pollInvoke());
        pollSeq++;
        budget = maxPollRecords;
        gathered.clear();
        fetches.forgetAll();
        pollStart.clear();
        pollStart.putAll(position);
        position.forEach((p, at) -> {
            PartitionState s = metadata.get(p);
            if (s != null && s.online()) {
                fetches.send(ctx, layout.broker(s.leader()), id -> new Fetch(id, p, -1, s.leaderEpoch(), at,
                        config.readCommitted()), p);
            }
        });
        if (fetches.isEmpty()) {
            handOut(ctx);
        } else {
            ctx.setTimer(Simulation.SECONDS, new GroupTimer.Expired(-pollSeq));
        }
    }

    /** poll() returns: the records go to the application, which processes them for a while. */
    private void handOut(Context ctx) {
        fetches.forgetAll();
        Optional<String> failure = resets.takeFailure();
        if (failure.isPresent()) {
            // poll() throws OffsetOutOfRangeException (auto.offset.reset=none, C8.3): no records handed out.
            pollStart.forEach((p, at) -> position.computeIfPresent(p, (k, v) -> at));
            recorder.fail(current, Value.kw(failure.get()));
            current = null;
            gathered.clear();
            next(ctx);
            return;
        }
        processing = true;
        ctx.setTimer(config.maxPollIntervalMs() * Simulation.MILLIS, new GroupTimer.PollIntervalExpired(pollSeq));
        if (application.isPresent()) {
            long poll = pollSeq;
            Map<Integer, List<KafkaOps.Read>> batch = new TreeMap<>();
            gathered.forEach((p, reads) -> batch.put(p, List.copyOf(reads)));
            application.get().process(ctx, batch, now -> {
                if (poll == pollSeq && processing) {
                    processed(now);
                }
            });
            return;
        }
        if (config.processingAfterCommit()) {
            commitPolicy(ctx);
        }
        long work = gathered.isEmpty() ? 0 : config.processingMs() * Simulation.MILLIS + extraProcessingNanos;
        if (!gathered.isEmpty()) {
            extraProcessingNanos = 0;
        }
        ctx.setTimer(Math.max(1, work), new GroupTimer.Processed(pollSeq));
    }

    private void processed(Context ctx) {
        Map<Value, List<KafkaOps.Read>> byKey = new LinkedHashMap<>();
        gathered.forEach((p, reads) -> {
            if (!reads.isEmpty()) {
                byKey.put(Value.of(p), reads);
            }
        });
        recorder.ok(current, KafkaOps.pollOk(byKey));
        current = null;
        processing = false;
        gathered.clear();
        lastProcessedAt = ctx.now();
        if (application.isEmpty() && !config.processingAfterCommit() && commitPolicy(ctx) && syncCommit >= 0) {
            return; // commitSync: the loop goes on when it is answered
        }
        next(ctx);
    }

    /** The commit the configuration makes after a poll (C7.5); true if one was sent. */
    private boolean commitPolicy(Context ctx) {
        Optional<HostId> coord = coordinator();
        if (coord.isEmpty() || !membership.canCommit() || position.isEmpty()) {
            return false;
        }
        if (config.autoCommit()) {
            if (ctx.now() - lastAutoCommit < config.autoCommitIntervalMs() * Simulation.MILLIS) {
                return false;
            }
            lastAutoCommit = ctx.now();
            commit(ctx, coord.get(), position);
            return true;
        }
        long id = commit(ctx, coord.get(), position);
        if (config.commitSync() && !config.processingAfterCommit()) {
            syncCommit = id;
        }
        return true;
    }

    private long commit(Context ctx, HostId coord, Map<Integer, Long> offsets) {
        long id = nextRequest++;
        commitSentAt = ctx.now();
        ctx.send(coord, new OffsetCommit(id, membership.group(), membership.memberId(), membership.generation(), offsets));
        ctx.setTimer(config.requestTimeoutMs() * Simulation.MILLIS, new GroupTimer.Expired(id));
        return id;
    }

    /**
     * commitAsync for a {@link ConsumerApplication}: {@code offsets} are the next offsets to read,
     * per partition; {@code answered} gets true when the coordinator accepted them, false when it
     * refused (e.g. a stale generation after a rebalance, C7.5) or did not answer in time.
     */
    public void commit(Context ctx, Map<Integer, Long> offsets, java.util.function.Consumer<Boolean> answered) {
        Optional<HostId> coord = coordinator();
        if (coord.isEmpty() || !membership.canCommit() || offsets.isEmpty()) {
            answered.accept(false);
            return;
        }
        appCommits.put(commit(ctx, coord.get(), new TreeMap<>(offsets)), answered);
    }

    /** A commitSync was answered or timed out: the join it preceded, or the loop, goes on. */
    private void afterSyncCommit(Context ctx) {
        syncCommit = -1;
        Optional<HostId> coord = coordinator();
        if (membership.joinPending() && coord.isPresent()) {
            membership.join(ctx, coord.get());
        } else {
            next(ctx);
        }
    }

    /** Partitions leave this member: commit them first unless they were lost (C7.3, C7.5). */
    private void onRevoke(Context ctx, List<Integer> revoked, boolean commitFirst) {
        Map<Integer, Long> theirs = new TreeMap<>();
        resets.forget(revoked);
        revoked.forEach(p -> {
            Long at = position.remove(p);
            if (at != null) {
                theirs.put(p, at);
            }
        });
        application.ifPresent(a -> a.revoked(ctx, revoked));
        Optional<HostId> coord = coordinator();
        if (commitFirst && config.autoCommit() && !theirs.isEmpty() && coord.isPresent() && membership.canCommit()) {
            commit(ctx, coord.get(), theirs);
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (closed) {
            return;
        }
        if (m instanceof Metadata md) {
            md.partitions().forEach(s -> metadata.put(s.partition(), s));
        } else if (m instanceof FetchResult r && current != null && !processing) {
            onFetch(ctx, r);
        } else if (m instanceof OffsetCommitResult r) {
            java.util.function.Consumer<Boolean> answered = appCommits.remove(r.requestId());
            membership.onCommitResult(ctx, r.error());
            if (answered != null) {
                answered.accept(r.error() == KafkaError.NONE);
            }
            if (r.requestId() == syncCommit) {
                afterSyncCommit(ctx);
            }
        } else if (m instanceof OffsetFetchResult r && r.requestId() == offsetFetch) {
            offsetFetch = -1;
            if (r.error() == KafkaError.NONE) {
                for (int p : membership.owned()) {
                    if (position.containsKey(p) || resets.pending(p)) {
                        continue;
                    }
                    Long committed = r.offsets().get(p);
                    if (committed != null) {
                        position.put(p, committed);
                    } else {
                        resets.undefined(ctx, p, "no-offset-for-partition", -1).ifPresent(at -> position.put(p, at));
                    }
                }
            }
            next(ctx);
        } else if (m instanceof ListOffsetsResult r) {
            resets.onResult(ctx, r, position);
        } else if (m instanceof GroupMessage g) {
            membership.onMessage(ctx, from, g);
        } else if (!(m instanceof io.faultline.models.kafka.wire.KafkaMessage)) {
            application.ifPresent(a -> a.onMessage(ctx, from, m));
        }
    }

    private void onFetch(Context ctx, FetchResult r) {
        if (fetches.peek(r.fetchId()).filter(p -> p == r.partition()).isEmpty()) {
            return;
        }
        fetches.forget(r.fetchId());
        Long at = position.get(r.partition());
        if (r.error() == KafkaError.OFFSET_OUT_OF_RANGE && at != null && r.fetchOffset() == at) {
            position.remove(r.partition());
            pollStart.remove(r.partition());
            resets.undefined(ctx, r.partition(), "offset-out-of-range", r.fetchOffset())
                    .ifPresent(o -> position.put(r.partition(), o));
        } else if (r.error() == KafkaError.NONE && at != null && r.fetchOffset() == at) {
            FetchedRecords taken = FetchedRecords.take(r, budget);
            List<KafkaOps.Read> reads = taken.reads();
            budget -= reads.size();
            if (!reads.isEmpty()) {
                gathered.put(r.partition(), reads); // only partitions with records: an empty batch takes no processing
            }
            position.put(r.partition(), taken.next());
        }
        if (fetches.isEmpty()) {
            handOut(ctx);
        }
    }
}
