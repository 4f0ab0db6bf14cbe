package io.faultline.models.kafka.check;

import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.server.Broker;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Invariant;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 *
 * <p>Memory: it grows with the logs, about 21 bytes per record and replica (the log's own record
 * object, when it arrived and in which order), plus an object per removal; appends and copies are
 * built when asked for, by a scan. Not bounded: a run long enough to exhaust the heap with its logs
 * exhausts it with this ledger too.
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
    /** [broker][partition]: what this ledger last saw on that replica, and when each record arrived. */
    private final Replica[][] replicas;
    private final boolean[] wasDown;
    /*
     * Appends and copies of records a replica no longer holds, by value. Records still held are
     * described by their replica's arrays instead (about 21 bytes per record and replica, where an
     * Append or Copy in per-value maps cost about 140): truncations are rare, so this stays small
     * while the arrays grow with the log.
     */
    private final Map<Long, List<Seen<Append>>> goneAppends = new TreeMap<>();
    private final Map<Long, List<Seen<Copy>>> goneCopies = new TreeMap<>();
    private final Map<Long, List<Removal>> removals = new TreeMap<>();
    /** Orders every append and copy as they were observed (several can share a virtual time). */
    private long observed;

    /** An append or copy with its place in the order of observation. */
    private record Seen<T>(long order, T what) {
    }

    /**
     * One replica as last observed: its records (the log's own objects) and, per offset, when the
     * record arrived, its place in the order of observation, and whether its leader appended it.
     */
    private static final class Replica {
        final List<LogRecord> records = new ArrayList<>();
        long[] nanos = new long[64];
        long[] order = new long[64];
        boolean[] led = new boolean[64];

        void add(LogRecord r, long at, long seq, boolean leader) {
            int i = records.size();
            if (i == nanos.length) {
                nanos = Arrays.copyOf(nanos, 2 * i);
                order = Arrays.copyOf(order, 2 * i);
                led = Arrays.copyOf(led, 2 * i);
            }
            records.add(r);
            nanos[i] = at;
            order[i] = seq;
            led[i] = leader;
        }
    }

    private RecordLedger(KafkaCluster cluster) {
        this.cluster = cluster;
        int brokers = cluster.brokerHosts().size();
        wasDown = new boolean[brokers];
        replicas = new Replica[brokers][cluster.partitions()];
        for (Replica[] row : replicas) {
            for (int p = 0; p < row.length; p++) {
                row[p] = new Replica();
            }
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
        Replica seen = replicas[b][p];
        List<LogRecord> mirror = seen.records;
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
                if (mirror.get(o) == RETAINED_AWAY) {
                    continue;
                }
                long value = mirror.get(o).value();
                if (seen.led[o]) {
                    goneAppends.computeIfAbsent(value, v -> new ArrayList<>()).add(new Seen<>(seen.order[o], append(b, p, o)));
                } else {
                    goneCopies.computeIfAbsent(value, v -> new ArrayList<>()).add(new Seen<>(seen.order[o], copy(b, p, o)));
                }
                removals.computeIfAbsent(value, v -> new ArrayList<>())
                        .add(new Removal(b, p, o, now, wasDown[b], named.leader(), named.leaderEpoch()));
            }
            mirror.subList(from, size).clear();
        }
        boolean leading = broker.isLeader(p);
        for (long o = from; o < leo; o++) {
            if (o < start) {
                seen.add(RETAINED_AWAY, now, observed++, false);
                continue;
            }
            LogRecord r = log.get(o);
            seen.add(r, now, observed++, leading && r.epoch() == broker.leaderEpoch(p));
        }
    }

    /** True if the replica still holds what the mirror saw at {@code o} (maybe compacted), or retention deleted it. */
    private static boolean sameAt(ReplicaLog log, List<LogRecord> mirror, long o, long start) {
        // The cleaner's gap keeps the mirror's record: compaction is not a removal (C8.4).
        return o < start || mirror.get((int) o) == RETAINED_AWAY || log.get(o).sameSlot(mirror.get((int) o));
    }

    private Append append(int b, int p, int o) {
        Replica r = replicas[b][p];
        return new Append(b, p, r.records.get(o).epoch(), o, r.nanos[o]);
    }

    private Copy copy(int b, int p, int o) {
        return new Copy(b, p, o, replicas[b][p].nanos[o]);
    }

    /** Every leader append of {@code value}, in time order. */
    public List<Append> appends(long value) {
        return of(value, goneAppends, true, this::append);
    }

    /** Every follower copy of {@code value}, in time order. */
    public List<Copy> copies(long value) {
        return of(value, goneCopies, false, this::copy);
    }

    /** Every removal of {@code value} from a replica, in time order. */
    public List<Removal> removals(long value) {
        return removals.getOrDefault(value, List.of());
    }

    /** How one replica's record is described: {@link #append} or {@link #copy}. */
    private interface Describe<T> {
        T at(int broker, int partition, int offset);
    }

    /**
     * The appends ({@code led}) or copies of {@code value}, in the order they were observed: those of
     * records since removed, and a scan of the replicas' records (a report asks about a few values).
     */
    private <T> List<T> of(long value, Map<Long, List<Seen<T>>> gone, boolean led, Describe<T> describe) {
        List<Seen<T>> found = new ArrayList<>(gone.getOrDefault(value, List.of()));
        for (int b = 0; b < replicas.length; b++) {
            for (int p = 0; p < replicas[b].length; p++) {
                Replica r = replicas[b][p];
                for (int o = 0; o < r.records.size(); o++) {
                    if (r.led[o] == led && r.records.get(o).value() == value) {
                        found.add(new Seen<>(r.order[o], describe.at(b, p, o)));
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(Seen::order));
        List<T> out = new ArrayList<>(found.size());
        for (Seen<T> s : found) {
            out.add(s.what());
        }
        return out;
    }
}
