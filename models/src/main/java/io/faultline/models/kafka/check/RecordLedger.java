package io.faultline.models.kafka.check;

import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.server.Broker;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Invariant;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
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
 * <p>Memory: it grows with the logs, about 4 bytes per record and replica (the log's own record
 * object) and 21 per run of records observed together ({@link ReplicaMirror}), plus an object per
 * removal; appends and copies are built when asked for, by a scan. What retention deletes it forgets, so with retention on it is
 * bounded as the logs are; the report then says only "deleted by retention" of those records.
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

    private final KafkaCluster cluster;
    /** [broker][partition]: what this ledger last saw on that replica, and when each record arrived. */
    private final ReplicaMirror[][] replicas;
    private final boolean[] wasDown;
    /*
     * Appends and copies of records a replica no longer holds, by value. Records still held are
     * described by their replica's mirror instead (a few bytes per record and replica, where an
     * Append or Copy in per-value maps cost about 140): truncations are rare, so this stays small
     * while the mirrors grow with the logs.
     */
    private final Map<Long, List<Seen<Append>>> goneAppends = new TreeMap<>();
    private final Map<Long, List<Seen<Copy>>> goneCopies = new TreeMap<>();
    private final Map<Long, List<Removal>> removals = new TreeMap<>();
    /** Orders every append and copy as they were observed (several can share a virtual time). */
    private long observed;

    /** An append or copy with its place in the order of observation. */
    private record Seen<T>(long order, T what) {
    }

    private RecordLedger(KafkaCluster cluster) {
        this.cluster = cluster;
        int brokers = cluster.brokerHosts().size();
        wasDown = new boolean[brokers];
        replicas = new ReplicaMirror[brokers][cluster.partitions()];
        for (ReplicaMirror[] row : replicas) {
            for (int p = 0; p < row.length; p++) {
                row[p] = new ReplicaMirror();
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
     * Compares one replica with what was last seen; the common case (nothing or only appends) is O(1),
     * and a log that has not changed since (same object, same {@link ReplicaLog#changes()}) is skipped.
     * Offsets below the log start were deleted by retention (C8.2), not lost: the mirror forgets them.
     */
    private void observe(long now, Broker broker, int b, int p, ReplicaLog log) {
        ReplicaMirror seen = replicas[b][p];
        if (seen.log == log && seen.changes == log.changes()) {
            return;
        }
        seen.log = log;
        seen.changes = log.changes();
        long leo = log.leo();
        long start = log.logStartOffset();
        seen.dropBelow(start);
        if (seen.isEmpty()) {
            seen.restartAt(start);
        }
        long end = seen.end();
        boolean prefixKept = seen.isEmpty() || (leo >= end && log.get(end - 1).sameSlot(seen.at(end - 1)));
        if (prefixKept && leo == end) {
            return;
        }
        long from = end;
        if (!prefixKept) {
            from = seen.start();
            // The cleaner's gap is the same slot: compaction is not a removal (C8.4).
            while (from < end && from < leo && log.get(from).sameSlot(seen.at(from))) {
                from++;
            }
            PartitionState named = cluster.controller().partitions().get(p);
            for (long o = from; o < end; o++) {
                int i = (int) (o - seen.base);
                long value = seen.records.get(i).value();
                if (seen.led(i)) {
                    goneAppends.computeIfAbsent(value, v -> new ArrayList<>()).add(new Seen<>(seen.order(i), append(b, p, o)));
                } else {
                    goneCopies.computeIfAbsent(value, v -> new ArrayList<>()).add(new Seen<>(seen.order(i), copy(b, p, o)));
                }
                removals.computeIfAbsent(value, v -> new ArrayList<>())
                        .add(new Removal(b, p, o, now, wasDown[b], named.leader(), named.leaderEpoch()));
            }
            seen.truncateTo(from);
            if (seen.isEmpty()) {
                seen.restartAt(start);
                from = start;
            }
        }
        boolean leading = broker.isLeader(p);
        for (long o = from; o < leo; o++) {
            LogRecord r = log.get(o);
            seen.add(r, now, observed++, leading && r.epoch() == broker.leaderEpoch(p));
        }
    }

    private Append append(int b, int p, long o) {
        ReplicaMirror r = replicas[b][p];
        return new Append(b, p, r.at(o).epoch(), o, r.nanos((int) (o - r.base)));
    }

    private Copy copy(int b, int p, long o) {
        ReplicaMirror r = replicas[b][p];
        return new Copy(b, p, o, r.nanos((int) (o - r.base)));
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
        T at(int broker, int partition, long offset);
    }

    /**
     * The appends ({@code led}) or copies of {@code value}, in the order they were observed: those of
     * records since removed, and a scan of the replicas' records (a report asks about a few values).
     */
    private <T> List<T> of(long value, Map<Long, List<Seen<T>>> gone, boolean led, Describe<T> describe) {
        List<Seen<T>> found = new ArrayList<>(gone.getOrDefault(value, List.of()));
        for (int b = 0; b < replicas.length; b++) {
            for (int p = 0; p < replicas[b].length; p++) {
                ReplicaMirror r = replicas[b][p];
                for (int i = r.first; i < r.records.size(); i++) {
                    if (r.led(i) == led && r.records.get(i).value() == value) {
                        found.add(new Seen<>(r.order(i), describe.at(b, p, r.base + i)));
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
