package io.faultline.models.kafka.workload;

import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.server.KafkaTimer;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.models.kafka.wire.KafkaMessage.EpochAnswer;
import io.faultline.models.kafka.wire.KafkaMessage.EpochQuery;
import io.faultline.models.kafka.wire.KafkaMessage.Fetch;
import io.faultline.models.kafka.wire.KafkaMessage.FetchResult;
import io.faultline.models.kafka.wire.KafkaMessage.ListOffsetsResult;
import io.faultline.models.kafka.wire.KafkaMessage.ListOffsets;
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
 * Each poll is one {@code :poll} op completing with {@code partition -> [[offset value] ...]}. A
 * position out of the leader's range (below its log start or past its end) is reset by
 * {@code auto.offset.reset} or, with {@code none}, fails the poll (FIDELITY C8.3); from 2.1 a
 * position is validated against a new leader and truncation is detected (KIP-320, C5.5): see
 * {@link FetchPositions}.
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
    private final KafkaConfig config;
    private final FetchPositions positions;
    /** Positions at the start of the current poll: a failed poll hands nothing out and rewinds. */
    private final Map<Integer, Long> pollStart = new TreeMap<>();
    /** What fails the current or next poll ({@code auto.offset.reset=none}), if anything. */
    private String pollFailure;
    /** ListOffsets and OffsetsForLeaderEpoch requests awaiting an answer: id to partition. */
    private final PendingRequests<Integer> positionRequests = new PendingRequests<>();
    private final Map<Integer, List<KafkaOps.Read>> gathered = new TreeMap<>();
    /** The current poll's fetches awaiting an answer: fetch id to partition (metadata requests share the ids). */
    private final PendingRequests<Integer> fetches = new PendingRequests<>();
    private OpHandle current;
    private long pollSeq;

    /** Kafka's default {@code max.poll.records}. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 500;

    /**
     * @param startAt        virtual time of the first poll (a consumer that joins late reads from offset 0)
     * @param maxPollRecords at most this many records per poll ({@code max.poll.records})
     */
    public Consumer(Recorder recorder, KafkaConfig config, ClusterLayout layout, int partitions, int process,
                    long pollIntervalNanos, long pollTimeoutNanos, long startAt, int maxPollRecords) {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("max.poll.records must be at least 1");
        }
        this.maxPollRecords = maxPollRecords;
        this.config = config;
        this.positions = new FetchPositions(config.autoOffsetReset(), config.consumerDetectsTruncation());
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
            positions.start(p, 0L);
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
        positionRequests.forgetAll();
        pollStart.clear();
        for (int p = 0; p < partitions; p++) {
            PartitionState s = metadata.get(p);
            pollStart.put(p, positions.offset(p));
            if (s != null && s.online()) {
                int partition = p;
                HostId leader = layout.broker(s.leader());
                switch (positions.mode(p)) {
                    case FETCHING -> {
                        long at = positions.offset(p);
                        fetches.send(ctx, leader, id -> new Fetch(id, partition, -1, s.leaderEpoch(), at,
                                config.readCommitted()), p);
                    }
                    case RESETTING -> positionRequests.send(ctx, leader, id -> new ListOffsets(id, partition, -1,
                            positions.policy() == KafkaConfig.OffsetReset.LATEST ? KafkaMessage.LATEST : KafkaMessage.EARLIEST), p);
                    case VALIDATING -> positionRequests.send(ctx, leader,
                            id -> new EpochQuery(id, partition, s.leaderEpoch(), positions.recordEpoch(partition)), p);
                    case FAILED -> {
                        // auto.offset.reset=none: the application was told and reads it no more.
                    }
                }
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
                if (s.partition() < partitions && s.online()) {
                    positions.onLeaderEpoch(s.partition(), s.leaderEpoch());
                }
            }
        } else if (m instanceof ListOffsetsResult r) {
            if (positionRequests.close(r.requestId()).filter(p -> p == r.partition()).isPresent()
                    && r.error() == KafkaError.NONE) {
                positions.resetTo(r.partition(), r.offset(), r.leaderEpoch());
                ctx.log("p" + r.partition() + " position reset to " + r.offset() + " (auto.offset.reset)");
            }
        } else if (m instanceof EpochAnswer a) {
            if (positionRequests.close(a.queryId()).filter(p -> p == a.partition()).isPresent()
                    && a.error() == KafkaError.NONE) {
                PartitionState s = metadata.get(a.partition());
                positions.onEpochEnd(a.partition(), a.answer(), s == null ? -1 : s.leaderEpoch()).ifPresent(what -> {
                    ctx.log(what);
                    if (positions.mode(a.partition()) == FetchPositions.Mode.FAILED) {
                        pollFailure = "log-truncation";
                    }
                });
            }
        } else if (m instanceof FetchResult r && current != null) {
            if (fetches.peek(r.fetchId()).filter(p -> p == r.partition()).isEmpty()) {
                return;
            }
            fetches.forget(r.fetchId());
            if (r.error() == KafkaError.OFFSET_OUT_OF_RANGE && positions.mode(r.partition()) == FetchPositions.Mode.FETCHING) {
                positions.outOfRange(r.partition());
                if (positions.mode(r.partition()) == FetchPositions.Mode.FAILED) {
                    pollFailure = "offset-out-of-range";
                }
            } else if (r.error() == KafkaError.NONE && r.fetchOffset() == positions.offset(r.partition())
                    && positions.mode(r.partition()) == FetchPositions.Mode.FETCHING) {
                List<KafkaOps.Read> reads = gathered.computeIfAbsent(r.partition(), k -> new ArrayList<>());
                FetchedRecords taken = FetchedRecords.take(r, budget);
                budget -= taken.reads().size();
                reads.addAll(taken.reads());
                int epoch = taken.lastEpoch() < 0 ? positions.recordEpoch(r.partition()) : taken.lastEpoch();
                positions.consumed(r.partition(), taken.next(), epoch);
            }
            if (fetches.isEmpty()) {
                completePoll(ctx);
            }
        }
    }

    private void completePoll(Context ctx) {
        if (pollFailure != null) {
            // poll() threw (auto.offset.reset=none, C8.3): the application got no records.
            pollStart.forEach(positions::rewind);
            recorder.fail(current, Value.kw(pollFailure));
            pollFailure = null;
            current = null;
            fetches.forgetAll();
            schedulePoll(ctx);
            return;
        }
        Map<Value, List<KafkaOps.Read>> byKey = new LinkedHashMap<>();
        gathered.forEach((p, reads) -> {
            if (!reads.isEmpty()) {
                byKey.put(Value.of(p), reads);
            }
        });
        recorder.ok(current, KafkaOps.pollOk(byKey));
        current = null;
        fetches.forgetAll();
        schedulePoll(ctx);
    }

    private void schedulePoll(Context ctx) {
        ctx.setTimer(Math.max(Simulation.MILLIS, (long) ctx.rng().exponential(pollIntervalNanos)),
                new KafkaTimer.ClientTick(0));
    }

    /** Positions per partition, for reports. */
    public Map<Integer, Long> positions() {
        return positions.offsets();
    }
}
