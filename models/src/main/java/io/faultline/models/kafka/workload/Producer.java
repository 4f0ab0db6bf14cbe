package io.faultline.models.kafka.workload;

import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.KafkaVersion;
import io.faultline.models.kafka.rules.KeyValue;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.Partitioner;
import io.faultline.models.kafka.server.KafkaTimer;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage.Metadata;
import io.faultline.models.kafka.wire.KafkaMessage.MetadataRequest;
import io.faultline.models.kafka.wire.KafkaMessage.Produce;
import io.faultline.models.kafka.wire.KafkaMessage.ProduceResult;
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
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A Kafka producer shared by {@code workers} Jepsen processes (threads calling a synchronous
 * {@code send(...).get()}), recording {@code :send} ops in Jepsen's shape
 * ({@link io.faultline.checker.log.KafkaOps}). It follows FIDELITY C2, C3 and C6:
 * {@code acks}; {@code retries} with {@code retry.backoff.ms}; {@code request.timeout.ms} per
 * attempt; {@code delivery.timeout.ms} after which an outcome that may have happened is an
 * {@code info} op; at most {@code max.in.flight.requests.per.connection} requests per broker; and,
 * when idempotent, a producer id with per-partition sequence numbers reused across retries.
 * Records wait in a batch per partition until {@code batch.size} bytes fill it or
 * {@code linger.ms} passes, and while the connection has no free in-flight slot; a batch is sent,
 * retried and answered whole, its records' ops completing together (FIDELITY C11, C11.1). The partition
 * is random per record (Jepsen's explicit partitions) or the partitioner's (C11.2), by
 * {@code kafka.producer.partitioning}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Producer implements Process {
    private final Recorder recorder;
    private final KafkaConfig config;
    private final ClusterLayout layout;
    private final int partitions;
    private final int workers;
    private final long meanIntervalNanos;
    private final long stopAt;
    private final long valueBase;
    private final int firstProcess;

    private final Map<Integer, PartitionState> metadata = new TreeMap<>();
    /** Every batch not yet answered, by batch id. */
    private final Map<Long, Batch> batches = new TreeMap<>();
    /** The batch of each partition that still takes records (not sent, not full), by partition. */
    private final Batch[] open;
    /*
     * What every send reads from the config, read once: recordBytes() looks up and parses three
     * settings, about 4 % of a batched KafkaThroughputBench run.
     */
    private final int recordBytes;
    private final long batchSizeBytes;
    private final long lingerMs;
    /** The Produce requests awaiting an answer, by request id (metadata requests share the ids). */
    private final PendingRequests<Batch> requests = new PendingRequests<>();
    private final Map<Integer, Integer> inFlight = new TreeMap<>();
    private final Map<Integer, Integer> nextSequence = new TreeMap<>();
    /** Batches waiting for a free in-flight slot, in arrival order. */
    private final java.util.ArrayDeque<Batch> blocked = new java.util.ArrayDeque<>();
    private final int[] processes;
    private Partitioner partitioner;
    private long nextValue;
    private long nextBatch;
    private long producerId = -1;
    private int producerGeneration;

    /** One record's send: its op, the worker waiting for it, and the record. */
    private record Send(OpHandle op, int worker, KeyValue record) {
    }

    /** One batch being delivered: its records, where it goes, and what its attempts taught us. */
    private static final class Batch {
        final long id;
        final int partition;
        final long deadline;
        final List<Send> sends = new ArrayList<>();
        long bytes;
        boolean full;
        long pid = -1;
        int sequence = -1;
        int attempts;
        boolean maybeAppended;
        long requestId = -1;
        int broker = -1;

        Batch(long id, int partition, long deadline) {
            this.id = id;
            this.partition = partition;
            this.deadline = deadline;
        }

        List<KeyValue> records() {
            List<KeyValue> out = new ArrayList<>(sends.size());
            for (Send s : sends) {
                out.add(s.record());
            }
            return out;
        }
    }

    /**
     * @param firstProcess the Jepsen process id of worker 0; worker i starts as firstProcess + i
     * @param valueBase    values written are valueBase, valueBase + 1, ... (unique per producer)
     */
    public Producer(Recorder recorder, KafkaConfig config, ClusterLayout layout, int partitions, int workers,
                    long meanIntervalNanos, long stopAt, long valueBase, int firstProcess) {
        this.recorder = recorder;
        this.config = config;
        this.layout = layout;
        this.partitions = partitions;
        this.workers = workers;
        this.meanIntervalNanos = meanIntervalNanos;
        this.stopAt = stopAt;
        this.valueBase = valueBase;
        this.firstProcess = firstProcess;
        this.open = new Batch[partitions];
        this.recordBytes = config.recordBytes();
        this.batchSizeBytes = config.batchSizeBytes();
        this.lingerMs = config.lingerMs();
        this.processes = new int[workers];
        for (int i = 0; i < workers; i++) {
            processes[i] = firstProcess + i;
        }
    }

    @Override
    public void onStart(Context ctx) {
        // Keyless records stick to a partition from 3.3 (KIP-794; here 3.7 and 4.0), round-robin before 2.4.
        partitioner = new Partitioner(partitions, batchSizeBytes, config.version().atLeast(KafkaVersion.V3_7),
                bound -> ctx.rng().nextInt(bound));
        if (config.idempotence()) {
            newProducerId(ctx);
        }
        ctx.send(layout.controller(), new MetadataRequest(requests.unmatchedId()));
        for (int w = 0; w < workers; w++) {
            schedule(ctx, w);
        }
        ctx.setTimer(Simulation.SECONDS, new KafkaTimer.ClientTick(-2));
    }

    private void newProducerId(Context ctx) {
        // Unique per producer host and generation; a real broker hands these out (C6).
        producerId = ((long) firstProcess << 20) + producerGeneration++;
        nextSequence.clear();
    }

    private void schedule(Context ctx, int worker) {
        long delay = Math.max(Simulation.MILLIS, (long) ctx.rng().exponential(meanIntervalNanos));
        ctx.setTimer(delay, new KafkaTimer.ClientTick(worker));
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof KafkaTimer.ClientTick tick) {
            if (tick.id() == -2) {
                ctx.send(layout.controller(), new MetadataRequest(requests.unmatchedId()));
                ctx.setTimer(Simulation.SECONDS, new KafkaTimer.ClientTick(-2));
            } else if (tick.id() >= 0 && tick.id() < workers) {
                startSend(ctx, (int) tick.id());
            } else if (tick.id() < -2) {
                // linger.ms passed, or a retry's backoff did.
                Batch b = batches.get(-tick.id() - 3);
                if (b != null && (b.requestId == -1 || b.requestId == -3)) {
                    b.requestId = -1;
                    dispatch(ctx, b);
                }
            }
        } else if (t instanceof KafkaTimer.RequestExpired e) {
            requests.peek(e.requestId()).ifPresent(b -> {
                release(b);
                unblock(ctx);
                // No answer: the request may have been appended (C3 loss and duplicate windows).
                b.maybeAppended = true;
                retryOrGiveUp(ctx, b, true);
            });
        }
    }

    private void startSend(Context ctx, int worker) {
        if (ctx.now() >= stopAt) {
            return;
        }
        KeyValue record;
        int partition;
        switch (config.partitioning()) {
            case EXPLICIT -> {
                partition = ctx.rng().nextInt(partitions);
                record = new KeyValue(LogRecord.NO_KEY, valueBase + nextValue++);
            }
            case KEYED -> {
                record = new KeyValue(ctx.rng().nextInt(config.producerKeys()), valueBase + nextValue++);
                partition = partitioner.partition(record.key(), recordBytes);
            }
            default -> {
                record = new KeyValue(LogRecord.NO_KEY, valueBase + nextValue++);
                partition = partitioner.partition(LogRecord.NO_KEY, recordBytes);
            }
        }
        OpHandle op = recorder.invoke(processes[worker], KafkaOps.SEND,
                KafkaOps.sendInvoke(Value.of(partition), Value.of(record.value())));
        Batch b = open[partition];
        if (b == null) {
            b = new Batch(nextBatch++, partition, ctx.now() + config.deliveryTimeoutMs() * Simulation.MILLIS);
            open[partition] = b;
            batches.put(b.id, b);
            if (lingerMs > 0) {
                b.requestId = -3; // lingering: sent when full or when linger.ms passes (C11.1)
                ctx.setTimer(lingerMs * Simulation.MILLIS, new KafkaTimer.ClientTick(-3 - b.id));
            }
        }
        b.sends.add(new Send(op, worker, record));
        b.bytes += recordBytes;
        if (b.bytes + recordBytes > batchSizeBytes) {
            // batch.size: the next record would not fit; this batch takes no more (C11.1).
            b.full = true;
            open[partition] = null;
        }
        if (b.requestId == -3 && b.full) {
            b.requestId = -1;
        }
        if (b.requestId == -1) {
            dispatch(ctx, b);
        }
    }

    private void dispatch(Context ctx, Batch b) {
        if (ctx.now() >= b.deadline) {
            finish(ctx, b);
            return;
        }
        PartitionState s = metadata.get(b.partition);
        if (s == null || !s.online()) {
            retryLater(ctx, b);
            return;
        }
        if (inFlight.getOrDefault(s.leader(), 0) >= config.maxInFlight()) {
            // max.in.flight.requests.per.connection: wait for an answer from that broker (C6); the
            // batch keeps taking records meanwhile, as batches do in Kafka's accumulator.
            b.requestId = -2;
            blocked.add(b);
            return;
        }
        if (open[b.partition] == b) {
            open[b.partition] = null;
        }
        if (config.idempotence() && b.pid != producerId) {
            if (b.pid >= 0 && b.maybeAppended) {
                // The producer id moved on while this batch's fate was unknown: resending it under
                // a new id could append it twice, so it completes as unknown instead (C6).
                finish(ctx, b);
                return;
            }
            b.pid = producerId;
            b.sequence = nextSequence.merge(b.partition, b.sends.size(), Integer::sum) - b.sends.size();
        }
        b.attempts++;
        b.broker = s.leader();
        inFlight.merge(b.broker, 1, Integer::sum);
        List<KeyValue> records = b.records();
        b.requestId = requests.send(ctx, layout.broker(s.leader()),
                id -> new Produce(id, b.partition, records, config.acks(), b.pid, b.sequence), b);
        if (config.acks() == KafkaConfig.Acks.NONE) {
            // acks=0: "considered sent" once written to the socket; the offset is unknown (C3).
            release(b);
            batches.remove(b.id);
            for (Send send : b.sends) {
                recorder.ok(send.op(), KafkaOps.sendOk(Value.of(b.partition), OptionalLong.empty(),
                        Value.of(send.record().value())));
                schedule(ctx, send.worker());
            }
            return;
        }
        ctx.setTimer(config.requestTimeoutMs() * Simulation.MILLIS, new KafkaTimer.RequestExpired(b.requestId));
    }

    private void retryLater(Context ctx, Batch b) {
        b.requestId = -1;
        ctx.setTimer(Math.max(Simulation.MILLIS, config.retryBackoffMs() * Simulation.MILLIS),
                new KafkaTimer.ClientTick(-3 - b.id));
    }

    private void release(Batch b) {
        requests.forget(b.requestId);
        if (b.broker >= 0) {
            inFlight.merge(b.broker, -1, Integer::sum);
            b.broker = -1;
        }
        b.requestId = -1;
    }

    /** A slot may have freed: dispatch the batches waiting for one, in order. */
    private void unblock(Context ctx) {
        int n = blocked.size();
        for (int i = 0; i < n; i++) {
            Batch b = blocked.poll();
            if (batches.containsKey(b.id) && b.requestId == -2) {
                b.requestId = -1;
                dispatch(ctx, b);
            }
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof Metadata md) {
            for (PartitionState s : md.partitions()) {
                metadata.put(s.partition(), s);
            }
        } else if (m instanceof ProduceResult r) {
            requests.peek(r.requestId()).ifPresent(b -> onResult(ctx, b, r));
        }
    }

    private void onResult(Context ctx, Batch b, ProduceResult r) {
        release(b);
        unblock(ctx);
        if (r.error() == KafkaError.NONE) {
            batches.remove(b.id);
            for (int i = 0; i < b.sends.size(); i++) {
                Send send = b.sends.get(i);
                recorder.ok(send.op(), KafkaOps.sendOk(Value.of(b.partition), OptionalLong.of(r.offset() + i),
                        Value.of(send.record().value())));
                schedule(ctx, send.worker());
            }
            return;
        }
        if (r.error() == KafkaError.NOT_LEADER_OR_FOLLOWER || r.error() == KafkaError.REQUEST_TIMED_OUT) {
            ctx.send(layout.controller(), new MetadataRequest(requests.unmatchedId()));
        }
        if (r.error().mayFollowAnAppend()) {
            b.maybeAppended = true;
        }
        retryOrGiveUp(ctx, b, true);
    }

    private void retryOrGiveUp(Context ctx, Batch b, boolean retriable) {
        if (retriable && b.attempts <= config.retries() && ctx.now() + config.retryBackoffMs() * Simulation.MILLIS < b.deadline) {
            retryLater(ctx, b);
        } else {
            finish(ctx, b);
        }
    }

    /** Gives up on a batch: its sends are info if any attempt may have been appended, else fail. */
    private void finish(Context ctx, Batch b) {
        batches.remove(b.id);
        if (open[b.partition] == b) {
            open[b.partition] = null;
        }
        release(b);
        for (Send send : b.sends) {
            Value v = KafkaOps.sendOk(Value.of(b.partition), OptionalLong.empty(), Value.of(send.record().value()));
            if (b.maybeAppended) {
                recorder.info(send.op(), v);
                // Jepsen's rule: a process with an unknown outcome never invokes again.
                processes[send.worker()] = recorder.freshProcess();
            } else {
                recorder.fail(send.op(), v);
            }
            schedule(ctx, send.worker());
        }
        if (b.maybeAppended && config.idempotence()) {
            newProducerId(ctx); // the sequence is broken; start a new one (C6: a new epoch starts at 0)
        }
    }
}
