package io.faultline.models.kafka.workload;

import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.KeyValue;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.server.txn.TxnTimer;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage.Metadata;
import io.faultline.models.kafka.wire.KafkaMessage.MetadataRequest;
import io.faultline.models.kafka.wire.KafkaMessage.Produce;
import io.faultline.models.kafka.wire.KafkaMessage.ProduceResult;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.models.kafka.wire.TxnMessage;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * One instance of a consume-transform-produce job (FIDELITY C12.6): it takes the next
 * {@code perTxn} items of its {@link JobInput} from the committed position, writes one output
 * record per item (item i to partition i mod partitions) and commits the position. With a
 * {@code transactional.id} it does so in a transaction (KIP-98): InitProducerId once (bumping the
 * epoch, which fences any older instance, C12.1), AddPartitionsToTxn, the produces with the
 * transactional flag, then EndTxn, committing, or aborting {@code abortPercent}% of the time; the
 * transaction is one Jepsen {@code :txn} op, ok if committed, fail if aborted or fenced, info if
 * unknown. Without one it is an idempotent producer, each record one {@code :send} op and nothing
 * fencing an older instance. A fenced instance stops, as an application closes its producer on
 * {@code ProducerFencedException}. One request is outstanding at a time.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TransactionalProducer implements Process {
    private enum Step { INIT, ADD, SEND, END, IDLE, DONE }

    private final Recorder recorder;
    private final KafkaConfig config;
    private final ClusterLayout layout;
    private final int partitions;
    private final int process;
    private final JobInput input;
    private final long valueBase;
    private final int perTxn;
    private final int abortPercent;
    private final long startAt;
    private final long stopAt;
    private final Optional<String> transactionalId;
    private final Map<Integer, PartitionState> metadata = new TreeMap<>();
    private final Map<Integer, Integer> sequence = new TreeMap<>();

    private Step step = Step.IDLE;
    private long requestId;
    private long producerId = -1;
    private int epoch;
    private long nextValue;
    // The transaction (or run of sends) in progress.
    private long position;
    private final List<KeyValue> outputs = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();
    private OpHandle op;
    private boolean commit;
    private boolean endSent;
    /** The records are written; the position commit (or EndTxn) is next. */
    private boolean awaitingCommit;
    /** The op's sends without offsets: what a failed or unknown transaction is recorded with. */
    private Value attempted = Value.NIL;

    /**
     * @param valueBase the values this instance writes are valueBase, valueBase + 1, ... (unique per instance)
     * @param startAt   when the instance starts working (a replacement waits for its moment)
     */
    public TransactionalProducer(Recorder recorder, KafkaConfig config, ClusterLayout layout, int partitions,
                                 int process, JobInput input, long valueBase, int perTxn, int abortPercent,
                                 long startAt, long stopAt) {
        this.recorder = recorder;
        this.config = config;
        this.layout = layout;
        this.partitions = partitions;
        this.process = process;
        this.input = input;
        this.valueBase = valueBase;
        this.perTxn = perTxn;
        this.abortPercent = abortPercent;
        this.startAt = startAt;
        this.stopAt = stopAt;
        this.transactionalId = config.transactionalId();
    }

    /** Whether the instance wrote its transaction's records and has not asked to end it yet. */
    public boolean betweenSendsAndEnd() {
        return awaitingCommit;
    }

    /** Whether a newer instance fenced this one (C12.1). */
    public boolean fenced() {
        return step == Step.DONE && producerId >= 0;
    }

    @Override
    public void onStart(Context ctx) {
        refreshMetadata(ctx);
        ctx.setTimer(Math.max(Simulation.MILLIS, startAt), new TxnTimer.Step(0));
    }

    private void refreshMetadata(Context ctx) {
        ctx.send(layout.controller(), new MetadataRequest(-1));
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof TxnTimer.Step && step != Step.DONE) {
            next(ctx);
        } else if (t instanceof TxnTimer.Expired e && e.requestId() == requestId && step != Step.DONE) {
            // No answer: send again (a produce keeps its sequence, so the broker drops a duplicate, C6).
            endSent |= step == Step.END;
            retry(ctx);
        }
    }

    /** Carries on from the current step: the first InitProducerId, a new transaction, or the next request. */
    private void next(Context ctx) {
        if (awaitingCommit) {
            awaitingCommit = false;
            if (transactionalId.isPresent()) {
                end(ctx);
            } else {
                input.commit(position + perTxn);
                idle(ctx, Simulation.MILLIS);
            }
        } else if (step == Step.IDLE && op == null) {
            if (ctx.now() >= stopAt) {
                step = Step.DONE;
                return;
            }
            if (producerId < 0) {
                if (transactionalId.isPresent()) {
                    step = Step.INIT;
                    send(ctx, coordinator(), id -> new TxnMessage.InitProducerId(id, transactionalId.get(),
                            config.transactionTimeoutMs()));
                    return;
                }
                producerId = ((long) process << 20) | ctx.rng().nextInt(1 << 20);
            }
            begin(ctx);
        } else if (step != Step.IDLE) {
            retry(ctx);
        }
    }

    private void begin(Context ctx) {
        position = input.committed();
        outputs.clear();
        offsets.clear();
        endSent = false;
        TreeSet<Integer> parts = new TreeSet<>();
        List<Value> mops = new ArrayList<>();
        for (int i = 0; i < perTxn; i++) {
            long item = position + i;
            long value = valueBase + nextValue++;
            input.payload(value, item);
            int p = (int) (item % partitions);
            outputs.add(new KeyValue(p, value));
            parts.add(p);
            mops.add(Value.vec(Value.kw(KafkaOps.SEND), Value.of(p), Value.of(value)));
        }
        if (transactionalId.isPresent()) {
            attempted = Value.vec(mops);
            op = recorder.invoke(process, KafkaOps.TXN, attempted);
            step = Step.ADD;
            send(ctx, coordinator(), id -> new TxnMessage.AddPartitionsToTxn(id, transactionalId.get(), producerId, epoch,
                    List.copyOf(parts)));
        } else {
            produceNext(ctx);
        }
    }

    private void produceNext(Context ctx) {
        if (offsets.size() == outputs.size()) {
            afterSends(ctx);
            return;
        }
        KeyValue kv = outputs.get(offsets.size());
        if (transactionalId.isEmpty()) {
            op = recorder.invoke(process, KafkaOps.SEND, KafkaOps.sendInvoke(Value.of(kv.key()), Value.of(kv.value())));
        }
        step = Step.SEND;
        retry(ctx);
    }

    private void afterSends(Context ctx) {
        if (transactionalId.isEmpty()) {
            op = null;
        }
        commit = ctx.rng().nextInt(100) >= abortPercent;
        // The application's processing between its last send and its commit: a window a pause can hit.
        awaitingCommit = true;
        idle(ctx, 50 * Simulation.MILLIS);
    }

    private void end(Context ctx) {
        step = Step.END;
        retry(ctx);
    }

    /** (Re)sends the request of the current step. */
    private void retry(Context ctx) {
        switch (step) {
            case INIT -> send(ctx, coordinator(), id -> new TxnMessage.InitProducerId(id, transactionalId.orElseThrow(),
                    config.transactionTimeoutMs()));
            case ADD -> {
                TreeSet<Integer> parts = new TreeSet<>();
                outputs.forEach(kv -> parts.add((int) kv.key()));
                send(ctx, coordinator(), id -> new TxnMessage.AddPartitionsToTxn(id, transactionalId.orElseThrow(),
                        producerId, epoch, List.copyOf(parts)));
            }
            case SEND -> {
                KeyValue kv = outputs.get(offsets.size());
                int p = (int) kv.key();
                int seq = sequence.getOrDefault(p, 0);
                int txn = transactionalId.isPresent() ? LogRecord.TRANSACTIONAL : LogRecord.NOT_TRANSACTIONAL;
                send(ctx, leader(p), id -> new Produce(id, p, List.of(new KeyValue(LogRecord.NO_KEY, kv.value())),
                        KafkaConfig.Acks.ALL, producerId, seq, epoch, txn));
            }
            case END -> send(ctx, coordinator(), id -> new TxnMessage.EndTxn(id, transactionalId.orElseThrow(),
                    producerId, epoch, commit));
            default -> {
            }
        }
    }

    private void send(Context ctx, Optional<HostId> to, java.util.function.LongFunction<Message> request) {
        long id = ++requestId;
        if (to.isEmpty()) {
            refreshMetadata(ctx);
        } else {
            ctx.send(to.get(), request.apply(id));
        }
        ctx.setTimer(to.isEmpty() ? config.retryBackoffMs() * Simulation.MILLIS : config.requestTimeoutMs() * Simulation.MILLIS,
                new TxnTimer.Expired(id));
    }

    private Optional<HostId> coordinator() {
        return leader(layout.txnStatePartitionOf(transactionalId.orElseThrow()));
    }

    private Optional<HostId> leader(int partition) {
        PartitionState s = metadata.get(partition);
        return s == null || !s.online() ? Optional.empty() : Optional.of(layout.broker(s.leader()));
    }

    /** After a retriable error: fresh metadata, then the same request after retry.backoff.ms. */
    private void backoff(Context ctx) {
        refreshMetadata(ctx);
        requestId++;
        ctx.setTimer(config.retryBackoffMs() * Simulation.MILLIS, new TxnTimer.Step(0));
    }

    private void idle(Context ctx, long delay) {
        step = Step.IDLE;
        ctx.setTimer(delay, new TxnTimer.Step(0));
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof Metadata md) {
            md.partitions().forEach(s -> metadata.put(s.partition(), s));
        } else if (m instanceof TxnMessage.InitProducerIdResult r && r.requestId() == requestId && step == Step.INIT) {
            if (r.error() == KafkaError.NONE) {
                producerId = r.producerId();
                epoch = r.producerEpoch();
                sequence.clear();
                ctx.log("producer id " + producerId + " epoch " + epoch);
                idle(ctx, Simulation.MILLIS);
            } else {
                backoff(ctx);
            }
        } else if (m instanceof TxnMessage.AddPartitionsResult r && r.requestId() == requestId && step == Step.ADD) {
            if (r.error() == KafkaError.NONE) {
                produceNext(ctx);
            } else {
                onError(ctx, r.error());
            }
        } else if (m instanceof ProduceResult r && r.requestId() == requestId && step == Step.SEND) {
            if (r.error() == KafkaError.NONE) {
                KeyValue kv = outputs.get(offsets.size());
                sequence.merge((int) kv.key(), 1, Integer::sum);
                offsets.add(r.offset());
                if (transactionalId.isEmpty()) {
                    recorder.ok(op, KafkaOps.sendOk(Value.of(kv.key()), java.util.OptionalLong.of(r.offset()),
                            Value.of(kv.value())));
                }
                produceNext(ctx);
            } else {
                onError(ctx, r.error());
            }
        } else if (m instanceof TxnMessage.EndTxnResult r && r.requestId() == requestId && step == Step.END) {
            if (r.error() == KafkaError.NONE) {
                finish(ctx);
            } else {
                onError(ctx, r.error());
                // An EndTxn refused for its epoch was not applied; after any other error it may have been.
                endSent |= step == Step.END;
            }
        }
    }

    private void onError(Context ctx, KafkaError e) {
        if (e == KafkaError.PRODUCER_FENCED || e == KafkaError.INVALID_PRODUCER_EPOCH || e == KafkaError.INVALID_TXN_STATE) {
            // Fatal (C12.1): a newer instance or the timeout aborted the transaction, unless an
            // earlier EndTxn(commit) may have been written before the fence: then nobody can tell here.
            ctx.log("fenced: " + e);
            if (op != null && endSent && commit) {
                recorder.info(op, attempted);
            } else if (op != null) {
                recorder.fail(op, attempted);
            }
            op = null;
            step = Step.DONE;
        } else {
            backoff(ctx);
        }
    }

    /** EndTxn succeeded: the transaction committed (with the input position) or aborted. */
    private void finish(Context ctx) {
        if (commit) {
            List<Value> mops = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                KeyValue kv = outputs.get(i);
                mops.add(Value.vec(Value.kw(KafkaOps.SEND), Value.of(kv.key()),
                        Value.vec(Value.of(offsets.get(i)), Value.of(kv.value()))));
            }
            input.commit(position + perTxn);
            recorder.ok(op, Value.vec(mops));
        } else {
            recorder.fail(op, attempted);
        }
        op = null;
        idle(ctx, Simulation.MILLIS);
    }
}
