package io.faultline.models.kafka.server;

import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.EpochEnd;
import io.faultline.models.kafka.rules.FollowerTruncation;
import io.faultline.models.kafka.rules.IsrTracker;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ProducerStateTable;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.rules.TxnIndex;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage.AlterIsr;
import io.faultline.models.kafka.wire.KafkaMessage.EpochAnswer;
import io.faultline.models.kafka.wire.KafkaMessage.EpochQuery;
import io.faultline.models.kafka.wire.KafkaMessage.Fetch;
import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.models.kafka.wire.KafkaMessage.FetchResult;
import io.faultline.models.kafka.wire.KafkaMessage.ListOffsets;
import io.faultline.models.kafka.wire.KafkaMessage.ListOffsetsResult;
import io.faultline.models.kafka.wire.KafkaMessage.Produce;
import io.faultline.models.kafka.wire.KafkaMessage.ProduceResult;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One broker's replica of one partition: leader or follower as the controller decides (FIDELITY
 * C4), with the produce path (C3, C6), follower fetching with long polls, the HW (C1), ISR
 * changes (C1) and follower truncation by the configured generation (C5).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PartitionReplica {
    /** Records per fetch response. */
    static final int MAX_FETCH_RECORDS = 500;

    private final int partition;
    private final int self;
    private final KafkaConfig config;
    private final ClusterLayout layout;
    /** Where ISR changes go: the controller, or the KRaft controller the broker believes active (C4.2). */
    private final java.util.function.Supplier<HostId> controller;
    private final LogStore store;
    private ReplicaLog log;
    private long unflushed;

    private PartitionState state;
    private Role role = Role.NONE;

    enum Role { NONE, LEADER, FOLLOWER }

    // Leader side.
    private IsrTracker tracker;
    /** Open and aborted transactions and producer epochs, as this replica's log says (C12.3). */
    private final TxnIndex txns = new TxnIndex();
    private final Map<Integer, Parked> parked = new TreeMap<>();
    private final TreeMap<Long, PendingAck> pending = new TreeMap<>();

    private record Parked(HostId from, Fetch fetch) {
    }

    private record PendingAck(HostId from, long requestId, long offset) {
    }

    // Follower side.
    private long attempt;
    private boolean truncating;

    PartitionReplica(int partition, int self, KafkaConfig config, ClusterLayout layout,
                     java.util.function.Supplier<HostId> controller, LogStore store, ReplicaLog log) {
        this.partition = partition;
        this.controller = controller;
        this.self = self;
        this.config = config;
        this.layout = layout;
        this.store = store;
        this.log = log;
        this.state = new PartitionState(partition, PartitionState.NO_LEADER, -1, List.of(), layout.replicas(partition));
    }

    ReplicaLog log() {
        return log;
    }

    Role role() {
        return role;
    }

    int leaderEpoch() {
        return state.leaderEpoch();
    }

    PartitionState state() {
        return state;
    }

    /** A follower that finished truncating and is fetching. */
    boolean fetching() {
        return role == Role.FOLLOWER && !truncating;
    }

    /** The ISR as this leader applies it (empty unless leader). */
    List<Integer> isr() {
        return tracker == null ? List.of() : new ArrayList<>(tracker.isr());
    }

    // ---------------------------------------------------------------- controller decisions

    void onLeaderAndIsr(Context ctx, PartitionState s) {
        if (s.leaderEpoch() < state.leaderEpoch()) {
            return; // stale decision
        }
        boolean newEpoch = s.leaderEpoch() > state.leaderEpoch();
        state = s;
        if (s.leader() == self) {
            if (newEpoch || role != Role.LEADER) {
                becomeLeader(ctx);
            } else {
                tracker.setIsr(s.isr());
                advanceHw(ctx);
            }
        } else if (s.leader() == PartitionState.NO_LEADER) {
            resign(ctx);
            role = Role.NONE;
        } else if (newEpoch || role != Role.FOLLOWER) {
            resign(ctx);
            becomeFollower(ctx);
        }
    }

    private void becomeLeader(Context ctx) {
        resign(ctx);
        role = Role.LEADER;
        tracker = new IsrTracker(self, state.replicas(), state.isr(), ctx.now(), config.hwRequiresMinIsr(),
                minIsr());
        ctx.log("p" + partition + " leader epoch " + state.leaderEpoch() + " isr " + state.isr() + " " + log);
        advanceHw(ctx);
    }

    /**
     * Drops leader duties: waiting produces, already appended, are answered NOT_LEADER_OR_FOLLOWER
     * as Kafka's purgatory does (the producer cannot tell them from rejected ones, so it records
     * them as indefinite: {@link KafkaError#mayFollowAnAppend}); parked fetches are released.
     */
    private void resign(Context ctx) {
        for (PendingAck p : pending.values()) {
            ctx.send(p.from(), new ProduceResult(p.requestId(), partition, KafkaError.NOT_LEADER_OR_FOLLOWER, -1));
        }
        pending.clear();
        for (Parked p : parked.values()) {
            answerFetch(ctx, p.from(), p.fetch());
        }
        parked.clear();
        tracker = null;
    }

    // ---------------------------------------------------------------- produce (C3, C6)

    /** min.insync.replicas, or transaction.state.log.min.isr for a __transaction_state partition (C12.2). */
    private int minIsr() {
        return layout.isTxnStatePartition(partition) ? config.transactionStateMinIsr() : config.minInsyncReplicas();
    }

    void onProduce(Context ctx, HostId from, Produce p) {
        if (role != Role.LEADER) {
            reply(ctx, from, p, KafkaError.NOT_LEADER_OR_FOLLOWER, -1);
            return;
        }
        boolean all = p.acks() == KafkaConfig.Acks.ALL;
        int minIsr = config.hwRequiresMinIsr() ? tracker.effectiveMinIsr() : minIsr();
        if (all && tracker.isr().size() < minIsr) {
            reply(ctx, from, p, KafkaError.NOT_ENOUGH_REPLICAS, -1);
            return;
        }
        long offset;
        int last = p.baseSequence() + p.records().size() - 1;
        if (p.txn() != LogRecord.NOT_TRANSACTIONAL) {
            txns.follow(log);
            if (p.producerEpoch() < txns.producerEpoch(p.producerId())) {
                // A zombie's write, or a marker of an older epoch: fenced (C12.1).
                reply(ctx, from, p, KafkaError.INVALID_PRODUCER_EPOCH, -1);
                return;
            }
        }
        if (p.txn() >= LogRecord.COMMIT_MARKER) {
            offset = append(ctx, p);
        } else if (p.producerId() >= 0) {
            ProducerStateTable.Check c = log.producers().check(p.producerId(), p.producerEpoch(), p.baseSequence(), last);
            if (c instanceof ProducerStateTable.OutOfOrder) {
                reply(ctx, from, p, KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER, -1);
                return;
            }
            offset = c instanceof ProducerStateTable.Duplicate d ? d.offset() : append(ctx, p);
        } else {
            offset = append(ctx, p);
        }
        long lastOffset = offset + p.records().size() - 1;
        if (p.acks() == KafkaConfig.Acks.NONE) {
            return;
        }
        if (!all || lastOffset < log.highWatermark()) {
            reply(ctx, from, p, KafkaError.NONE, offset);
            return;
        }
        pending.put(lastOffset, new PendingAck(from, p.requestId(), offset));
        ctx.setTimer(config.requestTimeoutMs() * Simulation.MILLIS, new KafkaTimer.ProduceExpired(partition, p.requestId()));
        advanceHw(ctx);
    }

    /** Appends the batch whole (C11.1) and wakes the parked follower fetches; returns its first offset. */
    private long append(Context ctx, Produce p) {
        log.advanceClock(ctx.now());
        long offset = log.appendBatchAsLeader(state.leaderEpoch(), p.records(), p.producerId(), p.baseSequence(),
                p.producerEpoch(), p.txn());
        persist(ctx, offset, log.read(offset, p.records().size()));
        for (Iterator<Parked> it = parked.values().iterator(); it.hasNext(); ) {
            Parked pk = it.next();
            it.remove();
            answerFetch(ctx, pk.from(), pk.fetch());
        }
        return offset;
    }

    private void persist(Context ctx, long offset, List<LogRecord> records) {
        store.append(offset, records);
        unflushed += records.size();
        if (unflushed >= config.flushIntervalMessages()) {
            ctx.disk().fsync();
            log.flush();
            unflushed = 0;
        }
    }

    private void reply(Context ctx, HostId to, Produce p, KafkaError e, long offset) {
        ctx.send(to, new ProduceResult(p.requestId(), partition, e, offset));
    }

    void onProduceExpired(Context ctx, long requestId) {
        for (Iterator<PendingAck> it = pending.values().iterator(); it.hasNext(); ) {
            PendingAck p = it.next();
            if (p.requestId() == requestId) {
                it.remove();
                ctx.send(p.from(), new ProduceResult(requestId, partition, KafkaError.REQUEST_TIMED_OUT, -1));
                return;
            }
        }
    }

    /** Recomputes the leader's HW (C1) and completes the acks=all produces it covers (C3). */
    private void advanceHw(Context ctx) {
        if (role != Role.LEADER) {
            return;
        }
        log.setHighWatermark(tracker.highWatermark(log.leo(), log.highWatermark()));
        int minIsr = config.hwRequiresMinIsr() ? tracker.effectiveMinIsr() : minIsr();
        while (!pending.isEmpty() && pending.firstKey() < log.highWatermark()) {
            PendingAck p = pending.pollFirstEntry().getValue();
            KafkaError e = tracker.isr().size() < minIsr ? KafkaError.NOT_ENOUGH_REPLICAS_AFTER_APPEND : KafkaError.NONE;
            ctx.send(p.from(), new ProduceResult(p.requestId(), partition, e, e == KafkaError.NONE ? p.offset() : -1));
        }
    }

    // ---------------------------------------------------------------- serving fetches

    void onFetch(Context ctx, HostId from, Fetch f) {
        if (role != Role.LEADER) {
            ctx.send(from, fetchError(f, KafkaError.NOT_LEADER_OR_FOLLOWER));
            return;
        }
        // Followers always carry their epoch; consumers do from 2.1 (KIP-320, C5.5).
        boolean checkEpoch = f.replica() >= 0 || (config.consumerDetectsTruncation() && f.leaderEpoch() >= 0);
        if (checkEpoch && f.leaderEpoch() != state.leaderEpoch()) {
            ctx.send(from, fetchError(f, f.leaderEpoch() < state.leaderEpoch()
                    ? KafkaError.FENCED_LEADER_EPOCH : KafkaError.UNKNOWN_LEADER_EPOCH));
            return;
        }
        if (f.fetchOffset() > log.leo() || f.fetchOffset() < log.logStartOffset()) {
            ctx.send(from, fetchError(f, KafkaError.OFFSET_OUT_OF_RANGE));
            return;
        }
        if (f.replica() >= 0) {
            tracker.onFollowerFetch(f.replica(), f.fetchOffset(), log.leo(), ctx.now());
            List<Integer> join = tracker.joinable(log.highWatermark());
            if (!join.isEmpty()) {
                List<Integer> isr = new ArrayList<>(tracker.isr());
                isr.addAll(join);
                if (config.quorum()) {
                    // The maximal ISR (C1): a KRaft quorum commits the expansion a metadata round
                    // later, while the HW would move on without the joiner. The one-service
                    // controller [M17] keeps its earlier behaviour (its runs stay as they were).
                    tracker.joinRequested(join);
                }
                alterIsr(ctx, isr);
            }
            advanceHw(ctx);
            if (f.fetchOffset() == log.leo()) {
                // Long poll: answer when data arrives or replica.fetch.wait.max.ms passes.
                Parked old = parked.put(f.replica(), new Parked(from, f));
                if (old == null || old.fetch().fetchId() != f.fetchId()) {
                    ctx.setTimer(config.fetchWaitMaxMs() * Simulation.MILLIS,
                            new KafkaTimer.FetchWaitExpired(partition, f.replica(), f.fetchId()));
                }
                return;
            }
        }
        answerFetch(ctx, from, f);
    }

    void onFetchWaitExpired(Context ctx, int replica, long fetchId) {
        Parked p = parked.get(replica);
        if (p != null && p.fetch().fetchId() == fetchId) {
            parked.remove(replica);
            answerFetch(ctx, p.from(), p.fetch());
        }
    }

    private void answerFetch(Context ctx, HostId to, Fetch f) {
        if (f.fetchOffset() < log.logStartOffset()) {
            // A parked fetch whose offset retention deleted meanwhile (C8.2).
            ctx.send(to, fetchError(f, KafkaError.OFFSET_OUT_OF_RANGE));
            return;
        }
        // Consumers read committed records only: up to the HW (C1 "Committed").
        long end = f.replica() >= 0 ? log.leo() : log.highWatermark();
        if (f.readCommitted()) {
            // read_committed: up to the last stable offset, with the aborted transactions (C12.5).
            txns.follow(log);
            end = Math.min(end, txns.lastStableOffset(log.highWatermark()));
        }
        long from = Math.min(f.fetchOffset(), end);
        int n = (int) Math.min(MAX_FETCH_RECORDS, end - from);
        ctx.send(to, new FetchResult(f.fetchId(), partition, state.leaderEpoch(), KafkaError.NONE, f.fetchOffset(),
                log.read(from, n), log.highWatermark(), log.leo(),
                f.readCommitted() ? txns.abortedBetween(from, from + n) : List.of()));
    }

    private FetchResult fetchError(Fetch f, KafkaError e) {
        return new FetchResult(f.fetchId(), partition, state.leaderEpoch(), e, f.fetchOffset(), List.of(),
                log.highWatermark(), log.leo());
    }

    void onEpochQuery(Context ctx, HostId from, EpochQuery q) {
        if (role != Role.LEADER || q.leaderEpoch() != state.leaderEpoch()) {
            KafkaError e = role != Role.LEADER ? KafkaError.NOT_LEADER_OR_FOLLOWER
                    : q.leaderEpoch() < state.leaderEpoch() ? KafkaError.FENCED_LEADER_EPOCH : KafkaError.UNKNOWN_LEADER_EPOCH;
            ctx.send(from, new EpochAnswer(q.queryId(), partition, e, new EpochEnd(EpochEnd.UNDEFINED, -1)));
            return;
        }
        ctx.send(from, new EpochAnswer(q.queryId(), partition, KafkaError.NONE,
                FollowerTruncation.answer(config.truncation(), log, q.requestedEpoch())));
    }

    // ---------------------------------------------------------------- ISR (C1)

    void onIsrCheck(Context ctx) {
        if (role != Role.LEADER) {
            return;
        }
        long lagMax = config.replicaLagTimeMaxMs() * Simulation.MILLIS;
        tracker.dropLaggingJoiners(log.leo(), ctx.now(), lagMax);
        List<Integer> out = tracker.outOfSync(log.leo(), ctx.now(), lagMax);
        if (!out.isEmpty()) {
            List<Integer> isr = new ArrayList<>(tracker.isr());
            isr.removeAll(out);
            alterIsr(ctx, isr);
        }
    }

    private void alterIsr(Context ctx, List<Integer> isr) {
        java.util.Collections.sort(isr);
        ctx.send(controller.get(), new AlterIsr(partition, self, state.leaderEpoch(), isr));
    }

    // ---------------------------------------------------------------- follower (C5)

    private void becomeFollower(Context ctx) {
        role = Role.FOLLOWER;
        startTruncation(ctx);
    }

    private void startTruncation(Context ctx) {
        truncating = true;
        step(ctx, FollowerTruncation.start(config.truncation(), log));
    }

    private void step(Context ctx, FollowerTruncation.Step s) {
        attempt++;
        if (s instanceof FollowerTruncation.Ask ask) {
            ctx.send(leaderHost(), new EpochQuery(attempt, partition, state.leaderEpoch(), ask.epoch()));
        } else if (s instanceof FollowerTruncation.TruncateTo t) {
            truncate(ctx, t.offset());
            truncating = false;
            sendFetch(ctx);
            return;
        }
        armRetry(ctx);
    }

    private void truncate(Context ctx, long offset) {
        long oldLeo = log.leo();
        long oldStart = log.logStartOffset();
        int removed = log.truncateTo(offset);
        if (removed > 0 && offset <= oldStart) {
            store.restartAt(offset);
        } else if (removed > 0) {
            store.truncate(offset, oldLeo);
            ctx.log("p" + partition + " truncated " + removed + " record(s) to offset " + offset + " (" + config.truncation() + ")");
        }
    }

    private HostId leaderHost() {
        return layout.broker(state.leader());
    }

    private void sendFetch(Context ctx) {
        attempt++;
        ctx.send(leaderHost(), new Fetch(attempt, partition, self, state.leaderEpoch(), log.leo()));
        armRetry(ctx);
    }

    private void armRetry(Context ctx) {
        ctx.setTimer((config.fetchWaitMaxMs() + 500) * Simulation.MILLIS, new KafkaTimer.FollowerRetry(partition, attempt));
    }

    void onFollowerRetry(Context ctx, long forAttempt) {
        if (role != Role.FOLLOWER || forAttempt != attempt) {
            return;
        }
        if (truncating) {
            startTruncation(ctx);
        } else {
            sendFetch(ctx);
        }
    }

    void onEpochAnswer(Context ctx, EpochAnswer a) {
        if (role != Role.FOLLOWER || !truncating || a.queryId() != attempt) {
            return;
        }
        if (a.error() != KafkaError.NONE) {
            return; // the retry timer asks again; metadata will catch up
        }
        step(ctx, FollowerTruncation.onAnswer(config.truncation(), log, a.answer()));
    }

    void onFetchResult(Context ctx, FetchResult r) {
        if (role != Role.FOLLOWER || truncating || r.fetchId() != attempt) {
            return;
        }
        if (r.error() == KafkaError.OFFSET_OUT_OF_RANGE && r.leaderLeo() < log.leo()) {
            // Our log is longer than the leader's: cut it to the leader's end (pre-KIP-101 path).
            truncate(ctx, r.leaderLeo());
            sendFetch(ctx);
            return;
        }
        if (r.error() == KafkaError.OFFSET_OUT_OF_RANGE) {
            // Behind the leader's log start (retention deleted what we miss): ask where it starts (C8.3).
            attempt++;
            ctx.send(leaderHost(), new ListOffsets(attempt, partition, self, KafkaMessage.EARLIEST));
            armRetry(ctx);
            return;
        }
        if (r.error() != KafkaError.NONE) {
            return; // retry timer
        }
        if (r.fetchOffset() == log.leo() && !r.records().isEmpty()) {
            long offset = log.leo();
            log.advanceClock(ctx.now());
            log.appendAsFollower(r.records());
            persist(ctx, offset, r.records());
        }
        // Follower HW = min(own LEO, leader HW): it lags by one round trip (C1).
        log.setHighWatermark(Math.min(log.leo(), r.highWatermark()));
        sendFetch(ctx);
    }

    /** A follower learns the leader's log start: it empties its log and restarts there (C8.3). */
    void onListOffsetsResult(Context ctx, ListOffsetsResult r) {
        if (role != Role.FOLLOWER || truncating || r.requestId() != attempt || r.error() != KafkaError.NONE) {
            return;
        }
        if (r.offset() > log.leo()) {
            log.restartAt(r.offset());
            store.restartAt(r.offset());
            ctx.log("p" + partition + " restarted empty at the leader's log start " + r.offset());
        }
        sendFetch(ctx);
    }

    /** {@code ListOffsets}: the log start for EARLIEST, the HW for LATEST (what a consumer may read). */
    void onListOffsets(Context ctx, HostId from, ListOffsets q) {
        if (role != Role.LEADER) {
            ctx.send(from, new ListOffsetsResult(q.requestId(), partition, KafkaError.NOT_LEADER_OR_FOLLOWER, -1, -1));
            return;
        }
        long offset = q.timestamp() == KafkaMessage.EARLIEST ? log.logStartOffset() : log.highWatermark();
        ctx.send(from, new ListOffsetsResult(q.requestId(), partition, KafkaError.NONE, offset, state.leaderEpoch()));
    }

    /**
     * The periodic retention check (C8.2): closed segments past retention go, the log start moves
     * up, and the files below it are deleted.
     */
    void onRetentionCheck(Context ctx) {
        long before = log.logStartOffset();
        long start = log.deleteExpired(ctx.now());
        if (start > before) {
            store.deleteBelow(start);
            ctx.log("p" + partition + " retention: log start " + before + " -> " + start);
        }
    }

    /**
     * The log cleaner's pass (C8.4): on a compacted log, older records of a key in the closed
     * segments below the HW become gaps. Only the in-memory log is cleaned: the segment files keep
     * the records, so a replica that recovers from its disk finds them again and cleans them at a
     * later pass (the offsets and values a reader can get are the same).
     */
    void onCleanerTick(Context ctx) {
        int removed = log.clean(ctx.now());
        if (removed > 0) {
            ctx.log("p" + partition + " cleaner: " + removed + " records compacted away");
        }
    }

    /** fsync of the whole disk happened (writeback): mark the log flushed. */
    void onWriteback() {
        log.flush();
        unflushed = 0;
    }
}
