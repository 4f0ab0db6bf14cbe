package io.faultline.models.kafka.server.txn;

import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.KeyValue;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.server.group.GroupCoordinator;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage.Produce;
import io.faultline.models.kafka.wire.KafkaMessage.ProduceResult;
import io.faultline.models.kafka.wire.TxnMessage;
import io.faultline.models.kafka.wire.TxnMessage.AddPartitionsResult;
import io.faultline.models.kafka.wire.TxnMessage.AddPartitionsToTxn;
import io.faultline.models.kafka.wire.TxnMessage.EndTxn;
import io.faultline.models.kafka.wire.TxnMessage.EndTxnResult;
import io.faultline.models.kafka.wire.TxnMessage.InitProducerId;
import io.faultline.models.kafka.wire.TxnMessage.InitProducerIdResult;
import io.faultline.models.kafka.wire.TxnMessage.WriteTxnMarker;
import io.faultline.models.kafka.wire.TxnMessage.WriteTxnMarkerResult;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A broker's transaction coordinator (FIDELITY C12.2): it coordinates the transactional ids whose
 * {@code __transaction_state} partition this broker leads. Every state change is first appended to
 * that partition with acks=all and takes effect once its HW covers it, so a failover keeps exactly
 * what the partition's committed records keep; a new leader loads the last record of each id and
 * finishes a transaction it finds preparing. InitProducerId bumps the producer epoch, aborting an
 * open transaction of the older instance (C12.1); EndTxn is answered once PREPARE_COMMIT or
 * PREPARE_ABORT is written, then the markers are written to every partition of the transaction
 * (C12.3) and COMPLETE_COMMIT or COMPLETE_ABORT ends it. A transaction open longer than its
 * timeout is aborted with a bumped epoch, fencing its producer.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TransactionCoordinator {
    /** Kafka's {@code transaction.abort.timed.out.transaction.cleanup.interval.ms} default (C12.2). */
    static final long TIMEOUT_CHECK_MS = 10_000;
    private static final long MARKER_RETRY_MS = 500;
    /** Request ids of this coordinator's appends, apart from the group coordinator's. */
    private static final long ID_BASE = 1L << 48;
    /** At most this many transactional ids (the index field of {@link TxnStateRecord}). */
    private static final long MAX_IDS = 1 << 15;

    private final KafkaConfig config;
    private final ClusterLayout layout;
    private final GroupCoordinator.Appender appender;
    private final Map<String, Txn> txns = new TreeMap<>();
    private final Set<Integer> leading = new TreeSet<>();
    private final Map<Long, Write> writes = new TreeMap<>();
    private long nextId = ID_BASE;
    private boolean ticking;

    /** One transactional id's metadata and what is in progress for it. */
    private static final class Txn {
        final String id;
        final int index;
        int epoch = -1;
        TxnState state = TxnState.EMPTY;
        Set<Integer> partitions = new TreeSet<>();
        long startedAt;
        long timeoutMs;
        /** A state write or marker round is in progress: other requests wait (CONCURRENT_TRANSACTIONS). */
        boolean busy;
        long markerRound;
        final Set<Integer> markersDue = new TreeSet<>();
        /** What to do once the current round completes (answer an InitProducerId), if anything. */
        Consumer<Context> then;

        Txn(String id, int index) {
            this.id = id;
            this.index = index;
        }

        long producerId() {
            return TxnStateRecord.producerId(index);
        }
    }

    /** A state record being appended: what it says, and what to do once it is committed or failed. */
    private record Write(String txn, TxnStateRecord record, Consumer<Context> onDone,
                         BiConsumer<Context, KafkaError> onError) {
    }

    public TransactionCoordinator(KafkaConfig config, ClusterLayout layout, GroupCoordinator.Appender appender) {
        this.config = config;
        this.layout = layout;
        this.appender = appender;
    }

    /** Called after each controller decision for a transaction state partition this broker replicates. */
    public void onLeadership(Context ctx, int partition, boolean leader, ReplicaLog log) {
        if (leader && leading.add(partition)) {
            List<String> ids = layout.transactionalIds();
            for (int i = 0; i < ids.size(); i++) {
                if (layout.txnStatePartitionOf(ids.get(i)) == partition) {
                    Txn t = load(ids.get(i), i, log, ctx.now());
                    txns.put(t.id, t);
                    if (t.state.preparing()) {
                        writeMarkers(ctx, t);
                    }
                }
            }
            if (!ticking) {
                ticking = true;
                ctx.setTimer(TIMEOUT_CHECK_MS * Simulation.MILLIS, new TxnTimer.TimeoutCheck());
            }
        } else if (!leader && leading.remove(partition)) {
            txns.values().removeIf(t -> layout.txnStatePartitionOf(t.id) == partition);
        }
    }

    /**
     * The last record of the id in the log. The start time of an open transaction is not in the
     * model's record: the new coordinator counts its timeout from the load (the real one stores it).
     */
    private Txn load(String id, int index, ReplicaLog log, long now) {
        Txn t = new Txn(id, index);
        for (long o = log.logStartOffset(); o < log.leo(); o++) {
            TxnStateRecord r = TxnStateRecord.decode(log.get(o).value());
            if (r.txnIndex() == index) {
                t.epoch = r.producerEpoch();
                t.state = r.state();
                t.partitions = new TreeSet<>(r.partitions());
            }
        }
        t.startedAt = now;
        t.timeoutMs = config.transactionTimeoutMs();
        return t;
    }

    /** The state of {@code transactionalId} as this coordinator holds it, if it coordinates it. */
    public java.util.Optional<TxnState> state(String transactionalId) {
        Txn t = txns.get(transactionalId);
        return t == null ? java.util.Optional.empty() : java.util.Optional.of(t.state);
    }

    public void onMessage(Context ctx, HostId from, TxnMessage m) {
        if (m instanceof InitProducerId r) {
            Txn t = txns.get(r.transactionalId());
            if (t == null || t.busy) {
                reply(ctx, from, new InitProducerIdResult(r.requestId(), t == null ? KafkaError.NOT_COORDINATOR
                        : KafkaError.CONCURRENT_TRANSACTIONS, -1, -1));
            } else {
                initProducerId(ctx, from, t, r);
            }
        } else if (m instanceof AddPartitionsToTxn r) {
            Txn t = txns.get(r.transactionalId());
            KafkaError e = check(t, r.producerId(), r.producerEpoch());
            if (e != KafkaError.NONE) {
                reply(ctx, from, new AddPartitionsResult(r.requestId(), e));
            } else {
                addPartitions(ctx, from, t, r);
            }
        } else if (m instanceof EndTxn r) {
            Txn t = txns.get(r.transactionalId());
            KafkaError e = check(t, r.producerId(), r.producerEpoch());
            if (e == KafkaError.NONE && t.state != TxnState.ONGOING) {
                boolean retried = t.state == (r.commit() ? TxnState.COMPLETE_COMMIT : TxnState.COMPLETE_ABORT);
                e = retried ? KafkaError.NONE : KafkaError.INVALID_TXN_STATE;
                reply(ctx, from, new EndTxnResult(r.requestId(), e));
            } else if (e != KafkaError.NONE) {
                reply(ctx, from, new EndTxnResult(r.requestId(), e));
            } else {
                TxnState next = r.commit() ? TxnState.PREPARE_COMMIT : TxnState.PREPARE_ABORT;
                end(ctx, t, t.epoch, next, c -> reply(c, from, new EndTxnResult(r.requestId(), KafkaError.NONE)),
                        (c, err) -> reply(c, from, new EndTxnResult(r.requestId(), err)));
            }
        } else if (m instanceof WriteTxnMarkerResult r) {
            onMarkerResult(ctx, r);
        }
    }

    /** Fencing and ownership checks of a request of producer {@code pid} in {@code epoch} (C12.1). */
    private static KafkaError check(Txn t, long pid, int epoch) {
        if (t == null) {
            return KafkaError.NOT_COORDINATOR;
        }
        if (pid != t.producerId() || epoch < t.epoch) {
            return KafkaError.PRODUCER_FENCED;
        }
        if (epoch > t.epoch) {
            return KafkaError.INVALID_PRODUCER_EPOCH;
        }
        return t.busy || t.state.preparing() ? KafkaError.CONCURRENT_TRANSACTIONS : KafkaError.NONE;
    }

    private void initProducerId(Context ctx, HostId from, Txn t, InitProducerId r) {
        int epoch = t.epoch + 1;
        Consumer<Context> answer = c -> reply(c, from, new InitProducerIdResult(r.requestId(), KafkaError.NONE,
                t.producerId(), epoch));
        BiConsumer<Context, KafkaError> failed = (c, e) -> reply(c, from, new InitProducerIdResult(r.requestId(), e, -1, -1));
        if (t.state == TxnState.ONGOING) {
            // The older instance's transaction is aborted under the new epoch, which fences it (C12.1).
            ctx.log("transactional.id " + t.id + ": new instance, aborting the open transaction of epoch " + t.epoch);
            end(ctx, t, epoch, TxnState.PREPARE_ABORT, c -> {
            }, failed);
            t.then = answer;
        } else {
            write(ctx, t, new TxnStateRecord(t.index, epoch, TxnState.EMPTY, Set.of()), c -> {
                t.timeoutMs = r.transactionTimeoutMs();
                answer.accept(c);
            }, failed);
        }
    }

    private void addPartitions(Context ctx, HostId from, Txn t, AddPartitionsToTxn r) {
        Set<Integer> parts = new TreeSet<>(t.state == TxnState.ONGOING ? t.partitions : Set.of());
        parts.addAll(r.partitions());
        boolean starting = t.state != TxnState.ONGOING;
        write(ctx, t, new TxnStateRecord(t.index, t.epoch, TxnState.ONGOING, parts), c -> {
            if (starting) {
                t.startedAt = c.now();
            }
            reply(c, from, new AddPartitionsResult(r.requestId(), KafkaError.NONE));
        }, (c, e) -> reply(c, from, new AddPartitionsResult(r.requestId(), e)));
    }

    /** Writes PREPARE_COMMIT or PREPARE_ABORT in {@code epoch}, runs {@code decided}, then writes the markers. */
    private void end(Context ctx, Txn t, int epoch, TxnState prepare, Consumer<Context> decided,
                     BiConsumer<Context, KafkaError> failed) {
        write(ctx, t, new TxnStateRecord(t.index, epoch, prepare, t.partitions), c -> {
            decided.accept(c);
            writeMarkers(c, t);
        }, failed);
    }

    private void write(Context ctx, Txn t, TxnStateRecord r, Consumer<Context> onDone,
                       BiConsumer<Context, KafkaError> onError) {
        t.busy = true;
        long id = nextId++;
        writes.put(id, new Write(t.id, r, onDone, onError));
        appender.append(ctx, new Produce(id, layout.txnStatePartitionOf(t.id),
                List.of(new KeyValue(LogRecord.NO_KEY, r.encode())), KafkaConfig.Acks.ALL, -1, -1));
    }

    /** The answer to one of this coordinator's state appends; false if it is not one. */
    public boolean onAppendResult(Context ctx, ProduceResult r) {
        Write w = writes.remove(r.requestId());
        if (w == null) {
            return false;
        }
        Txn t = txns.get(w.txn());
        if (t == null) {
            w.onError().accept(ctx, KafkaError.NOT_COORDINATOR);
            return true;
        }
        t.busy = false;
        if (r.error() != KafkaError.NONE) {
            // Not known to be written: the state stays as it was, the client retries (or a new leader loads it).
            t.then = null;
            w.onError().accept(ctx, KafkaError.NOT_COORDINATOR);
            return true;
        }
        t.epoch = w.record().producerEpoch();
        t.state = w.record().state();
        t.partitions = new TreeSet<>(w.record().partitions());
        w.onDone().accept(ctx);
        return true;
    }

    // ---------------------------------------------------------------- markers (C12.3)

    private void writeMarkers(Context ctx, Txn t) {
        t.busy = true;
        t.markerRound++;
        t.markersDue.clear();
        t.markersDue.addAll(t.partitions);
        sendMarkers(ctx, t);
    }

    /**
     * Sends the marker to every replica of each partition still due; the leader appends it, the
     * others answer NOT_LEADER_OR_FOLLOWER (the real coordinator asks its metadata cache for the leader).
     */
    private void sendMarkers(Context ctx, Txn t) {
        if (t.markersDue.isEmpty()) {
            complete(ctx, t);
            return;
        }
        boolean commit = t.state == TxnState.PREPARE_COMMIT;
        for (int p : t.markersDue) {
            for (int b : layout.replicas(p)) {
                ctx.send(layout.broker(b), new WriteTxnMarker(markerId(t), p, t.producerId(), t.epoch, commit));
            }
        }
        ctx.setTimer(MARKER_RETRY_MS * Simulation.MILLIS, new TxnTimer.MarkerRetry(t.id));
    }

    private void onMarkerResult(Context ctx, WriteTxnMarkerResult r) {
        List<String> ids = layout.transactionalIds();
        int index = (int) (r.requestId() % MAX_IDS);
        Txn t = r.requestId() >= 0 && index < ids.size() ? txns.get(ids.get(index)) : null;
        if (t != null && r.requestId() == markerId(t) && t.state.preparing() && r.error() == KafkaError.NONE && t.markersDue.remove(r.partition())
                && t.markersDue.isEmpty()) {
            complete(ctx, t);
        }
    }

    /** The id of the current marker round of {@code t}: an answer to an older round does not count. */
    private static long markerId(Txn t) {
        return t.markerRound * MAX_IDS + t.index;
    }

    private void complete(Context ctx, Txn t) {
        TxnState done = t.state == TxnState.PREPARE_COMMIT ? TxnState.COMPLETE_COMMIT : TxnState.COMPLETE_ABORT;
        Consumer<Context> then = t.then;
        t.then = null;
        write(ctx, t, new TxnStateRecord(t.index, t.epoch, done, Set.of()), c -> {
            if (then != null) {
                then.accept(c);
            }
        }, (c, e) -> c.setTimer(MARKER_RETRY_MS * Simulation.MILLIS, new TxnTimer.MarkerRetry(t.id)));
    }

    public void onTimer(Context ctx, TxnTimer timer) {
        if (timer instanceof TxnTimer.MarkerRetry m) {
            Txn t = txns.get(m.transactionalId());
            if (t != null && t.state.preparing() && !t.markersDue.isEmpty()) {
                sendMarkers(ctx, t);
            } else if (t != null && t.state.preparing() && !t.busy) {
                // The COMPLETE write failed: try it again.
                complete(ctx, t);
            }
        } else if (timer instanceof TxnTimer.TimeoutCheck) {
            for (Txn t : new ArrayList<>(txns.values())) {
                if (t.state == TxnState.ONGOING && !t.busy && ctx.now() - t.startedAt > t.timeoutMs * Simulation.MILLIS) {
                    ctx.log("transactional.id " + t.id + ": transaction timed out, aborting with epoch " + (t.epoch + 1));
                    end(ctx, t, t.epoch + 1, TxnState.PREPARE_ABORT, c -> {
                    }, (c, e) -> {
                    });
                }
            }
            ctx.setTimer(TIMEOUT_CHECK_MS * Simulation.MILLIS, new TxnTimer.TimeoutCheck());
        }
    }

    private static void reply(Context ctx, HostId to, Message m) {
        ctx.send(to, m);
    }
}
