package io.faultline.conformance;

import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.models.kafka.rules.KeyValue;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;

import java.util.List;
import java.util.Optional;

/**
 * The conformance drivers' client inside the simulation: one producer (of partition 0 unless told
 * another) and one consumer of partition 0, driven step by step by {@link ModelDriver} and
 * {@link ModelGroupDriver} rather than by a random workload, so that the model sees the same
 * requests, in the same order, as the real cluster. It sends one record at a time and behaves like the real producer with the same settings (FIDELITY C2, C3):
 * {@code request.timeout.ms} per attempt, up to {@code retries} retries after
 * {@code retry.backoff.ms}, all within {@code delivery.timeout.ms}; a send that may have been
 * appended (a timeout, NOT_ENOUGH_REPLICAS_AFTER_APPEND) ends as {@code info}, one certainly
 * refused as {@code fail}, naming Kafka's error either way.
 */
final class ModelClient implements Process {
    private sealed interface Tick extends Timer {
    }

    private record MetadataTick() implements Tick {
    }

    private record RequestExpired(long requestId) implements Tick {
    }

    private record RetrySend(long sendId) implements Tick {
    }

    private final KafkaCluster cluster;
    private final KafkaConfig config;
    private Context ctx;
    private final java.util.Map<Integer, PartitionState> partitions = new java.util.TreeMap<>();
    private long nextId;

    private long sendId = -1;
    private long value;
    private int sendPartition;
    private long deadline;
    private long requestId = -1;
    private int attempts;
    private boolean maybeAppended;
    private KafkaError lastError = KafkaError.NONE;
    private ClusterDriver.Sent sent;

    private long fetchId = -1;
    private KafkaMessage.FetchResult fetched;

    ModelClient(KafkaCluster cluster, KafkaConfig config) {
        this.cluster = cluster;
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        this.ctx = ctx;
        onTimer(ctx, new MetadataTick());
    }

    /** Partition 0's state as the controller last told this client. */
    Optional<PartitionState> partition() {
        return partition(0);
    }

    /** A partition's state as the controller last told this client. */
    Optional<PartitionState> partition(int p) {
        return Optional.ofNullable(partitions.get(p));
    }

    void startSend(long v) {
        startSend(0, v);
    }

    void startSend(int p, long v) {
        sendPartition = p;
        sendId = nextId++;
        value = v;
        deadline = ctx.now() + config.deliveryTimeoutMs() * Simulation.MILLIS;
        attempts = 0;
        maybeAppended = false;
        lastError = KafkaError.NONE;
        sent = null;
        dispatch();
    }

    Optional<ClusterDriver.Sent> sent() {
        return Optional.ofNullable(sent);
    }

    void startFetch(long offset) {
        fetched = null;
        fetchId = nextId++;
        PartitionState partition = partitions.get(0);
        if (partition != null && partition.online()) {
            ctx.send(cluster.hostOf(partition.leader()),
                    new KafkaMessage.Fetch(fetchId, 0, -1, partition.leaderEpoch(), offset));
        }
    }

    Optional<KafkaMessage.FetchResult> fetched() {
        return Optional.ofNullable(fetched);
    }

    private void dispatch() {
        if (ctx.now() >= deadline) {
            finish();
            return;
        }
        PartitionState partition = partitions.get(sendPartition);
        if (partition == null || !partition.online()) {
            retryLater();
            return;
        }
        attempts++;
        requestId = nextId++;
        ctx.send(cluster.hostOf(partition.leader()),
                new KafkaMessage.Produce(requestId, sendPartition,
                        List.of(new KeyValue(LogRecord.NO_KEY, value)), config.acks(), -1, -1));
        ctx.setTimer(config.requestTimeoutMs() * Simulation.MILLIS, new RequestExpired(requestId));
    }

    private void retryLater() {
        requestId = -1;
        ctx.setTimer(Math.max(Simulation.MILLIS, config.retryBackoffMs() * Simulation.MILLIS), new RetrySend(sendId));
    }

    private void failed(KafkaError e) {
        lastError = e;
        if (e == KafkaError.REQUEST_TIMED_OUT || e == KafkaError.NOT_ENOUGH_REPLICAS_AFTER_APPEND) {
            maybeAppended = true;
        }
        requestMetadata();
        long backoff = config.retryBackoffMs() * Simulation.MILLIS;
        if (attempts <= config.retries() && ctx.now() + backoff < deadline) {
            retryLater();
        } else {
            finish();
        }
    }

    private void finish() {
        requestId = -1;
        sent = new ClusterDriver.Sent(maybeAppended ? "info" : "fail", -1, lastError.name());
        sendId = -1;
    }

    private void requestMetadata() {
        ctx.send(cluster.controllerHost().id(), new KafkaMessage.MetadataRequest(nextId++));
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof MetadataTick) {
            requestMetadata();
            ctx.setTimer(100 * Simulation.MILLIS, new MetadataTick());
        } else if (t instanceof RequestExpired e && e.requestId() == requestId && sent == null) {
            requestId = -1;
            failed(KafkaError.REQUEST_TIMED_OUT);
        } else if (t instanceof RetrySend r && r.sendId() == sendId && sent == null) {
            dispatch();
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof KafkaMessage.Metadata md) {
            md.partitions().forEach(s -> partitions.put(s.partition(), s));
        } else if (m instanceof KafkaMessage.ProduceResult r && r.requestId() == requestId && sent == null) {
            requestId = -1;
            if (r.error() == KafkaError.NONE) {
                sent = new ClusterDriver.Sent("ok", r.offset(), KafkaError.NONE.name());
                sendId = -1;
            } else {
                failed(r.error());
            }
        } else if (m instanceof KafkaMessage.FetchResult r && r.fetchId() == fetchId) {
            fetched = r;
        }
    }
}
