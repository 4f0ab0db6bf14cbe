package io.faultline.models.kafka.workload;

import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.server.KafkaTimer;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage.Fetch;
import io.faultline.models.kafka.wire.KafkaMessage.FetchResult;
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
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A consumer that assigns itself every partition (Jepsen's {@code :assign}) and polls them from
 * their leaders, which serve records up to the high watermark only (FIDELITY C1 "Committed").
 * Each poll is one {@code :poll} op completing with {@code partition -> [[offset value] ...]}; a
 * position beyond the leader's log end resets to the earliest offset (auto.offset.reset=earliest,
 * as Jepsen's consumers; KIP-320's truncation detection, C5.5, is not modelled).
 * A poll hands the application at most {@code max.poll.records} records across its partitions, as
 * the real consumer does; the rest are fetched again by the next poll. A consumer whose polls come
 * slower than the producers write therefore lags, as consumers under load do.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Consumer implements Process {
    private final Recorder recorder;
    private final ClusterLayout layout;
    private final int partitions;
    private final long pollIntervalNanos;
    private final long pollTimeoutNanos;
    private final long startAt;
    private final int maxPollRecords;
    private int process;
    private int budget;

    private final Map<Integer, PartitionState> metadata = new TreeMap<>();
    private final Map<Integer, Long> position = new TreeMap<>();
    private final Map<Integer, List<KafkaOps.Read>> gathered = new TreeMap<>();
    /** The current poll's fetches awaiting an answer: fetch id to partition (metadata requests share the ids). */
    private final PendingRequests<Integer> fetches = new PendingRequests<>();
    private OpHandle current;
    private long pollSeq;

    /** @param startAt virtual time of the first poll (a consumer that joins late reads from offset 0) */
    public Consumer(Recorder recorder, ClusterLayout layout, int partitions, int process,
                    long pollIntervalNanos, long pollTimeoutNanos, long startAt) {
        this(recorder, layout, partitions, process, pollIntervalNanos, pollTimeoutNanos, startAt, DEFAULT_MAX_POLL_RECORDS);
    }

    /** Kafka's default {@code max.poll.records}. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 500;

    /** As above, handing out at most {@code maxPollRecords} records per poll ({@code max.poll.records}). */
    public Consumer(Recorder recorder, ClusterLayout layout, int partitions, int process,
                    long pollIntervalNanos, long pollTimeoutNanos, long startAt, int maxPollRecords) {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("max.poll.records must be at least 1");
        }
        this.maxPollRecords = maxPollRecords;
        this.startAt = startAt;
        this.recorder = recorder;
        this.layout = layout;
        this.partitions = partitions;
        this.process = process;
        this.pollIntervalNanos = pollIntervalNanos;
        this.pollTimeoutNanos = pollTimeoutNanos;
    }

    @Override
    public void onStart(Context ctx) {
        List<Value> keys = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            keys.add(Value.of(p));
            position.put(p, 0L);
        }
        OpHandle assign = recorder.invoke(process, KafkaOps.ASSIGN, Value.vec(keys));
        recorder.ok(assign, Value.vec(keys));
        ctx.send(layout.controller(), new MetadataRequest(fetches.unmatchedId()));
        ctx.setTimer(Math.max(pollIntervalNanos, startAt), new KafkaTimer.ClientTick(0));
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof KafkaTimer.ClientTick) {
            startPoll(ctx);
        } else if (t instanceof KafkaTimer.RequestExpired e && current != null && e.requestId() == pollSeq) {
            completePoll(ctx);
        }
    }

    private void startPoll(Context ctx) {
        ctx.send(layout.controller(), new MetadataRequest(fetches.unmatchedId()));
        current = recorder.invoke(process, KafkaOps.POLL, KafkaOps.pollInvoke());
        pollSeq++;
        budget = maxPollRecords;
        gathered.clear();
        fetches.forgetAll();
        for (int p = 0; p < partitions; p++) {
            PartitionState s = metadata.get(p);
            if (s != null && s.online()) {
                int partition = p;
                long at = position.get(p);
                fetches.send(ctx, layout.broker(s.leader()), id -> new Fetch(id, partition, -1, s.leaderEpoch(), at), p);
            }
        }
        if (fetches.isEmpty()) {
            completePoll(ctx);
        } else {
            ctx.setTimer(pollTimeoutNanos, new KafkaTimer.RequestExpired(pollSeq));
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof Metadata md) {
            for (PartitionState s : md.partitions()) {
                metadata.put(s.partition(), s);
            }
        } else if (m instanceof FetchResult r && current != null) {
            if (fetches.peek(r.fetchId()).filter(p -> p == r.partition()).isEmpty()) {
                return;
            }
            fetches.forget(r.fetchId());
            if (r.error() == KafkaError.OFFSET_OUT_OF_RANGE) {
                position.put(r.partition(), 0L);
            } else if (r.error() == KafkaError.NONE && r.fetchOffset() == position.get(r.partition())) {
                List<KafkaOps.Read> reads = gathered.computeIfAbsent(r.partition(), k -> new ArrayList<>());
                List<KafkaOps.Read> taken = take(r, budget);
                budget -= taken.size();
                reads.addAll(taken);
                position.put(r.partition(), r.fetchOffset() + taken.size());
            }
            if (fetches.isEmpty()) {
                completePoll(ctx);
            }
        }
    }

    private void completePoll(Context ctx) {
        Map<Value, List<KafkaOps.Read>> byKey = new LinkedHashMap<>();
        gathered.forEach((p, reads) -> {
            if (!reads.isEmpty()) {
                byKey.put(Value.of(p), reads);
            }
        });
        recorder.ok(current, KafkaOps.pollOk(byKey));
        current = null;
        fetches.forgetAll();
        ctx.setTimer(Math.max(Simulation.MILLIS, (long) ctx.rng().exponential(pollIntervalNanos)),
                new KafkaTimer.ClientTick(0));
    }

    /**
     * The records of a fetch answer the application gets, at most {@code budget} of them
     * ({@code max.poll.records} across a poll's partitions), as reads at their offsets.
     */
    static List<KafkaOps.Read> take(FetchResult r, int budget) {
        List<KafkaOps.Read> out = new ArrayList<>();
        long o = r.fetchOffset();
        for (LogRecord rec : r.records()) {
            if (out.size() == budget) {
                break;
            }
            out.add(new KafkaOps.Read(o++, Value.of(rec.value())));
        }
        return out;
    }

    /** Positions per partition, for reports. */
    public Map<Integer, Long> positions() {
        return java.util.Collections.unmodifiableMap(position);
    }
}
