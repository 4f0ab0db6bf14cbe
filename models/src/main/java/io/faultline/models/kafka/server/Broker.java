package io.faultline.models.kafka.server;

import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.server.group.GroupCoordinator;
import io.faultline.models.kafka.server.group.GroupTimer;
import io.faultline.models.kafka.server.txn.MarkerWriter;
import io.faultline.models.kafka.server.txn.TransactionCoordinator;
import io.faultline.models.kafka.server.txn.TxnTimer;
import io.faultline.models.kafka.wire.TxnMessage;
import io.faultline.models.kafka.server.kraft.MetadataFetcher;
import io.faultline.models.kafka.server.kraft.RaftTick;
import io.faultline.models.kafka.wire.GroupMessage;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage.EpochAnswer;
import io.faultline.models.kafka.wire.KafkaMessage.EpochQuery;
import io.faultline.models.kafka.wire.KafkaMessage.Fetch;
import io.faultline.models.kafka.wire.KafkaMessage.FetchResult;
import io.faultline.models.kafka.wire.KafkaMessage.Heartbeat;
import io.faultline.models.kafka.wire.KafkaMessage.LeaderAndIsr;
import io.faultline.models.kafka.wire.KafkaMessage.ListOffsets;
import io.faultline.models.kafka.wire.KafkaMessage.ListOffsetsResult;
import io.faultline.models.kafka.wire.KafkaMessage.Produce;
import io.faultline.models.kafka.wire.KafkaMessage.ProduceResult;
import io.faultline.models.kafka.wire.KraftMessage;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.models.kafka.workload.Consumer;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A Kafka broker: one {@link PartitionReplica} per assigned partition, logs recovered from its disk
 * at start, liveness signalled to the controller (a ZooKeeper session or KRaft heartbeats,
 * FIDELITY C4), a periodic HW checkpoint, and page-cache writeback [M16].
 *
 * <pre>{@code
 * sim.addHost("b1", self -> new Broker(0, config, layout));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Broker implements Process {
    private final int id;
    private final KafkaConfig config;
    private final ClusterLayout layout;
    private final Map<Integer, PartitionReplica> partitions = new TreeMap<>();
    /** The same replicas indexed by partition, for the invariants' hot path. */
    private PartitionReplica[] byPartition = new PartitionReplica[0];
    private long incarnation;
    /** The highest controller epoch this process has obeyed (in memory: a restart forgets it, as Kafka's does). */
    private int controllerEpoch;
    /** KRaft only: this process's pull of the metadata log from the active controller. */
    private MetadataFetcher metadata;
    private Map<Integer, Long> checkpointed = new TreeMap<>();
    private final Map<Integer, Long> durableHw = new TreeMap<>();
    private final Map<Integer, Long> durableLeo = new TreeMap<>();
    /** Coordinates the consumer groups whose __consumer_offsets partition this broker leads (C7). */
    private GroupCoordinator coordinator;
    /** Coordinates the transactional ids whose __transaction_state partition this broker leads (C12.2). */
    private TransactionCoordinator txnCoordinator;
    private MarkerWriter markers;

    public Broker(int id, KafkaConfig config, ClusterLayout layout) {
        this.id = id;
        this.config = config;
        this.layout = layout;
    }

    public int id() {
        return id;
    }

    /** This broker's replica of {@code partition}, if assigned. */
    public Optional<ReplicaLog> log(int partition) {
        PartitionReplica r = replica(partition);
        return r == null ? Optional.empty() : Optional.of(r.log());
    }

    /** Whether this broker currently acts as leader of {@code partition}. */
    public boolean isLeader(int partition) {
        PartitionReplica r = replica(partition);
        return r != null && r.role() == PartitionReplica.Role.LEADER;
    }

    /** The replica of {@code partition} or null; an array read, since invariants ask after every event. */
    private PartitionReplica replica(int partition) {
        return partition >= 0 && partition < byPartition.length ? byPartition[partition] : null;
    }

    /** The consumer-group coordinator of this broker (C7.1). */
    public GroupCoordinator coordinator() {
        return coordinator;
    }

    /** The transaction coordinator of this broker (C12.2). */
    public TransactionCoordinator txnCoordinator() {
        return txnCoordinator;
    }

    /** Whether this broker follows {@code partition} and has finished truncating (C5). */
    public boolean fetching(int partition) {
        PartitionReplica r = replica(partition);
        return r != null && r.fetching();
    }

    /** The leader epoch this broker knows for {@code partition}. */
    public int leaderEpoch(int partition) {
        PartitionReplica r = replica(partition);
        return r == null ? -1 : r.leaderEpoch();
    }

    /** The ISR this broker applies as leader of {@code partition} (empty if not leader). */
    public List<Integer> isr(int partition) {
        PartitionReplica r = replica(partition);
        return r == null ? List.of() : r.isr();
    }

    @Override
    public void onStart(Context ctx) {
        incarnation = ctx.rng().nextLong();
        Map<Integer, Long> hws = LogStore.readHwCheckpoint(ctx.disk());
        layout.assignment().forEach((p, replicas) -> {
            if (replicas.contains(id)) {
                LogStore store = new LogStore(ctx.disk(), p);
                ReplicaLog log = store.recover(hws.getOrDefault(p, 0L),
                        layout.isOffsetsPartition(p) ? config.offsetsSegmentPolicy() : config.segmentPolicy());
                partitions.put(p, new PartitionReplica(p, id, config, layout, this::controller, store, log));
            }
        });
        int max = partitions.isEmpty() ? 0 : ((java.util.TreeMap<Integer, PartitionReplica>) partitions).lastKey() + 1;
        byPartition = new PartitionReplica[max];
        partitions.forEach((p, r) -> byPartition[p] = r);
        coordinator = new GroupCoordinator(config, layout, (c, p) -> partitions.get(p.partition()).onProduce(c, c.self(), p));
        txnCoordinator = new TransactionCoordinator(config, layout, (c, p) -> partitions.get(p.partition()).onProduce(c, c.self(), p));
        markers = new MarkerWriter(id);
        if (config.quorum()) {
            metadata = new MetadataFetcher(id, incarnation, layout.quorum(), config);
            metadata.start(ctx);
        }
        heartbeat(ctx);
        ctx.setTimer(config.replicaLagTimeMaxMs() * Simulation.MILLIS / 2, new KafkaTimer.IsrCheckTick());
        ctx.setTimer(config.hwCheckpointIntervalMs() * Simulation.MILLIS, new KafkaTimer.HwCheckpointTick());
        ctx.setTimer(config.retentionCheckIntervalMs() * Simulation.MILLIS, new KafkaTimer.RetentionCheckTick());
        if (partitions.values().stream().anyMatch(r -> r.log().policy().cleanup().compact())) {
            ctx.setTimer(config.cleanerBackoffMs() * Simulation.MILLIS, new KafkaTimer.CleanerTick());
        }
        // Each machine's writeback runs at its own phase [M16].
        long writeback = config.writebackMs() * Simulation.MILLIS;
        ctx.setTimer(1 + ctx.rng().nextLong(writeback), new KafkaTimer.WritebackTick());
        checkpointed = hws;
        partitions.forEach((p, r) -> {
            durableHw.put(p, r.log().highWatermark());
            durableLeo.put(p, r.log().leo());
        });
    }

    /** The HW of {@code partition} in the checkpoint file that is on disk (survives a crash). */
    public long durableHw(int partition) {
        return durableHw.getOrDefault(partition, -1L);
    }

    /** How many records of {@code partition} are on disk (survive a crash), as of the last sync. */
    public long durableLeo(int partition) {
        return durableLeo.getOrDefault(partition, -1L);
    }

    /** The controller this broker talks to: the one service, or the KRaft controller it believes active (C4.2). */
    private HostId controller() {
        return metadata == null ? layout.controller() : metadata.controller();
    }

    private void heartbeat(Context ctx) {
        ctx.send(controller(), new Heartbeat(id, incarnation));
        ctx.setTimer(config.heartbeatIntervalMs() * Simulation.MILLIS, new KafkaTimer.HeartbeatTick());
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof Produce p) {
            PartitionReplica r = partitions.get(p.partition());
            if (r == null) {
                ctx.send(from, new ProduceResult(p.requestId(), p.partition(), KafkaError.NOT_LEADER_OR_FOLLOWER, -1));
            } else {
                r.onProduce(ctx, from, p);
            }
        } else if (m instanceof Fetch f) {
            PartitionReplica r = partitions.get(f.partition());
            if (r == null) {
                ctx.send(from, new FetchResult(f.fetchId(), f.partition(), -1, KafkaError.NOT_LEADER_OR_FOLLOWER,
                        f.fetchOffset(), List.of(), 0, 0));
            } else {
                r.onFetch(ctx, from, f);
            }
        } else if (m instanceof FetchResult r) {
            withPartition(r.partition(), pr -> pr.onFetchResult(ctx, r));
        } else if (m instanceof ListOffsets q) {
            PartitionReplica r = partitions.get(q.partition());
            if (r == null) {
                ctx.send(from, new ListOffsetsResult(q.requestId(), q.partition(), KafkaError.NOT_LEADER_OR_FOLLOWER, -1, -1));
            } else {
                r.onListOffsets(ctx, from, q);
            }
        } else if (m instanceof ListOffsetsResult r) {
            withPartition(r.partition(), pr -> pr.onListOffsetsResult(ctx, r));
        } else if (m instanceof EpochQuery q) {
            withPartition(q.partition(), pr -> pr.onEpochQuery(ctx, from, q));
        } else if (m instanceof EpochAnswer a) {
            withPartition(a.partition(), pr -> pr.onEpochAnswer(ctx, a));
        } else if (m instanceof LeaderAndIsr l && l.brokerIncarnation() == incarnation) {
            if (l.controllerEpoch() < controllerEpoch) {
                // STALE_CONTROLLER_EPOCH (C4.1): a newer controller has spoken; the old one is deposed.
                ctx.log("ignores LeaderAndIsr of controller epoch " + l.controllerEpoch() + " < " + controllerEpoch);
                return;
            }
            controllerEpoch = l.controllerEpoch();
            apply(ctx, l.state());
        } else if (m instanceof KraftMessage k && metadata != null) {
            // KRaft (C4.2): partition states come from the committed metadata log, not from pushes.
            metadata.onMessage(ctx, from, k).forEach(s -> apply(ctx, s));
        } else if (m instanceof GroupMessage g) {
            coordinator.onMessage(ctx, from, g);
        } else if (m instanceof TxnMessage.WriteTxnMarker w) {
            PartitionReplica r = partitions.get(w.partition());
            if (r == null) {
                MarkerWriter.notLeader(ctx, from, w);
            } else {
                markers.write(ctx, from, w, p -> r.onProduce(ctx, ctx.self(), p));
            }
        } else if (m instanceof TxnMessage t) {
            txnCoordinator.onMessage(ctx, from, t);
        } else if (m instanceof ProduceResult r) {
            if (!coordinator.onAppendResult(ctx, r) && !txnCoordinator.onAppendResult(ctx, r)) {
                markers.onAppendResult(ctx, r);
            }
        }
    }

    /** Acts on the controller's state of a partition. */
    private void apply(Context ctx, PartitionState s) {
        int p = s.partition();
        withPartition(p, pr -> pr.onLeaderAndIsr(ctx, s));
        if (layout.isOffsetsPartition(p) && partitions.containsKey(p)) {
            coordinator.onLeadership(ctx, p, isLeader(p), partitions.get(p).log());
        }
        if (layout.isTxnStatePartition(p) && partitions.containsKey(p)) {
            txnCoordinator.onLeadership(ctx, p, isLeader(p), partitions.get(p).log());
        }
    }

    private void withPartition(int p, java.util.function.Consumer<PartitionReplica> action) {
        PartitionReplica r = partitions.get(p);
        if (r != null) {
            action.accept(r);
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof KafkaTimer.HeartbeatTick) {
            heartbeat(ctx);
        } else if (t instanceof RaftTick) {
            metadata.onTick(ctx);
        } else if (t instanceof KafkaTimer.IsrCheckTick) {
            partitions.values().forEach(r -> r.onIsrCheck(ctx));
            ctx.setTimer(config.replicaLagTimeMaxMs() * Simulation.MILLIS / 2, new KafkaTimer.IsrCheckTick());
        } else if (t instanceof KafkaTimer.HwCheckpointTick) {
            Map<Integer, Long> hws = new TreeMap<>();
            partitions.forEach((p, r) -> hws.put(p, r.log().highWatermark()));
            // Written to the page cache only: the kernel's fsync is whole-disk, so fsyncing the
            // checkpoint would flush the log too [M16]; writeback makes it durable.
            LogStore.writeHwCheckpoint(ctx.disk(), hws);
            checkpointed = hws;
            ctx.setTimer(config.hwCheckpointIntervalMs() * Simulation.MILLIS, new KafkaTimer.HwCheckpointTick());
        } else if (t instanceof KafkaTimer.WritebackTick) {
            ctx.disk().fsync();
            partitions.forEach((p, r) -> {
                r.onWriteback();
                durableLeo.put(p, r.log().leo());
                durableHw.put(p, checkpointed.getOrDefault(p, 0L));
            });
            ctx.setTimer(config.writebackMs() * Simulation.MILLIS, new KafkaTimer.WritebackTick());
        } else if (t instanceof KafkaTimer.RetentionCheckTick) {
            partitions.values().forEach(r -> r.onRetentionCheck(ctx));
            ctx.setTimer(config.retentionCheckIntervalMs() * Simulation.MILLIS, new KafkaTimer.RetentionCheckTick());
        } else if (t instanceof KafkaTimer.CleanerTick) {
            partitions.values().forEach(r -> r.onCleanerTick(ctx));
            ctx.setTimer(config.cleanerBackoffMs() * Simulation.MILLIS, new KafkaTimer.CleanerTick());
        } else if (t instanceof KafkaTimer.FetchWaitExpired w) {
            withPartition(w.partition(), r -> r.onFetchWaitExpired(ctx, w.replica(), w.fetchId()));
        } else if (t instanceof KafkaTimer.ProduceExpired e) {
            withPartition(e.partition(), r -> r.onProduceExpired(ctx, e.requestId()));
        } else if (t instanceof GroupTimer g) {
            coordinator.onTimer(ctx, g);
        } else if (t instanceof TxnTimer x) {
            txnCoordinator.onTimer(ctx, x);
        } else if (t instanceof KafkaTimer.FollowerRetry fr) {
            withPartition(fr.partition(), r -> r.onFollowerRetry(ctx, fr.attempt()));
        }
    }
}
