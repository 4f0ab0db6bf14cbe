package io.faultline.models.kafka.check;

import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.server.Broker;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Invariant;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The history of every record on every replica, observed after each event: which broker appended
 * it as leader (epoch, offset, time), which followers copied it, and which replica lost it when
 * (truncated while up, or missing when its broker came back from a crash). {@link LostRecords}
 * reads it to tell where an acknowledged write went. It judges nothing (the checks do), so its
 * check always holds; it is an invariant only because that is the simulation's per-event hook.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordLedger implements Invariant {
    /** Broker {@code broker} (0-based) appended the record as leader of {@code epoch} at {@code offset}. */
    public record Append(int broker, int partition, int epoch, long offset, long nanos) {
    }

    /** Follower {@code broker} copied the record at {@code nanos}. */
    public record Copy(int broker, int partition, long offset, long nanos) {
    }

    /**
     * Broker {@code broker} no longer holds the record it had at {@code offset}: truncated while up,
     * or gone from its disk after a crash ({@code crash}); {@code leader} and {@code epoch} are the
     * controller's view at that moment (-1 if the partition was offline).
     */
    public record Removal(int broker, int partition, long offset, long nanos, boolean crash, int leader, int epoch) {
    }

    /** Stands in the mirror for an offset below the replica's log start when it was first seen. */
    private static final LogRecord RETAINED_AWAY = new LogRecord(-1, LogRecord.NO_KEY, Long.MIN_VALUE, -1, -1, true);

    private final KafkaCluster cluster;
    /** [broker][partition]: the records this ledger last saw on that replica. */
    private final List<List<List<LogRecord>>> seen = new ArrayList<>();
    private final boolean[] wasDown;
    private final Map<Long, List<Append>> appends = new TreeMap<>();
    private final Map<Long, List<Copy>> copies = new TreeMap<>();
    private final Map<Long, List<Removal>> removals = new TreeMap<>();

    private RecordLedger(KafkaCluster cluster) {
        this.cluster = cluster;
        int brokers = cluster.brokerHosts().size();
        wasDown = new boolean[brokers];
        for (int b = 0; b < brokers; b++) {
            List<List<LogRecord>> perPartition = new ArrayList<>();
            for (int p = 0; p < cluster.partitions(); p++) {
                perPartition.add(new ArrayList<>());
            }
            seen.add(perPartition);
        }
    }

    /** A ledger observing {@code cluster}'s brokers from now on. */
    public static RecordLedger install(Simulation sim, KafkaCluster cluster) {
        RecordLedger l = new RecordLedger(cluster);
        sim.addInvariant(l);
        return l;
    }

    @Override
    public String name() {
        return "record ledger (observes, never fails)";
    }

    @Override
    public Optional<String> check(Simulation sim) {
        for (int b = 0; b < wasDown.length; b++) {
            Optional<Broker> broker = cluster.broker(b);
            if (broker.isEmpty()) {
                wasDown[b] = true;
                continue;
            }
            for (int p = 0; p < cluster.partitions(); p++) {
                Optional<ReplicaLog> log = broker.get().log(p);
                if (log.isPresent()) {
                    observe(sim.now(), broker.get(), b, p, log.get());
                }
            }
            wasDown[b] = false;
        }
        return Optional.empty();
    }

    /**
     * Compares one replica with what was last seen; the common case (nothing or only appends) is O(1).
     * Offsets below the log start were deleted by retention (C8.2), not lost: the mirror keeps a
     * placeholder for them and never compares them.
     */
    private void observe(long now, Broker broker, int b, int p, ReplicaLog log) {
        List<LogRecord> mirror = seen.get(b).get(p);
        long leo = log.leo();
        long start = log.logStartOffset();
        int size = mirror.size();
        boolean prefixKept = size == 0 || (leo >= size && sameAt(log, mirror, size - 1, start));
        if (prefixKept && leo == size) {
            return;
        }
        int from = size;
        if (!prefixKept) {
            from = 0;
            while (from < size && from < leo && sameAt(log, mirror, from, start)) {
                from++;
            }
            PartitionState named = cluster.controller().partitions().get(p);
            for (int o = from; o < size; o++) {
                if (mirror.get(o) != RETAINED_AWAY) {
                    removals.computeIfAbsent(mirror.get(o).value(), v -> new ArrayList<>())
                            .add(new Removal(b, p, o, now, wasDown[b], named.leader(), named.leaderEpoch()));
                }
            }
            mirror.subList(from, size).clear();
        }
        boolean leading = broker.isLeader(p);
        for (long o = from; o < leo; o++) {
            if (o < start) {
                mirror.add(RETAINED_AWAY);
                continue;
            }
            LogRecord r = log.get(o);
            mirror.add(r);
            if (leading && r.epoch() == broker.leaderEpoch(p)) {
                appends.computeIfAbsent(r.value(), v -> new ArrayList<>()).add(new Append(b, p, r.epoch(), o, now));
            } else {
                copies.computeIfAbsent(r.value(), v -> new ArrayList<>()).add(new Copy(b, p, o, now));
            }
        }
    }

    /** True if the replica still holds what the mirror saw at {@code o}, or retention deleted it. */
    private static boolean sameAt(ReplicaLog log, List<LogRecord> mirror, long o, long start) {
        return o < start || mirror.get((int) o) == RETAINED_AWAY || log.get(o).equals(mirror.get((int) o));
    }

    /** Every leader append of {@code value}, in time order. */
    public List<Append> appends(long value) {
        return appends.getOrDefault(value, List.of());
    }

    /** Every follower copy of {@code value}, in time order. */
    public List<Copy> copies(long value) {
        return copies.getOrDefault(value, List.of());
    }

    /** Every removal of {@code value} from a replica, in time order. */
    public List<Removal> removals(long value) {
        return removals.getOrDefault(value, List.of());
    }
}
