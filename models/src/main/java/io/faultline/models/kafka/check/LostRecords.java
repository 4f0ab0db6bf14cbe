package io.faultline.models.kafka.check;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.log.Anomaly;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.KafkaOps;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.SimTime;
import io.faultline.sim.scenario.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Each acknowledged write that the final log lacks, and each record it holds (or consumers read)
 * at more than one offset: who acknowledged it, when, which leader answered in which epoch, and
 * where it went. "The final log" is the system's view only: the settled leader's log
 * ({@link KafkaInvariants#settledLeaderLog}); a partition without one is listed as not judged. It
 * explains the checks' verdicts, it does not make one.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LostRecords {
    /** The table's title (the report and {@code run --json} show it under "findings"). */
    public static final String TITLE = "Lost and duplicated records";
    public static final List<String> COLUMNS = List.of("record", "partition", "value", "process", "acked at",
            "leader", "epoch", "offset", "where it went");
    /** Beyond this many rows the table says how many it left out (a long run can lose thousands). */
    static final int MAX_ROWS = 500;

    private LostRecords() {
    }

    /** An acknowledged send: value {@code value} on {@code partition}, at {@code offset} if the broker said. */
    private record Ack(int partition, long value, OptionalLong offset, int process, long nanos) {
    }

    /**
     * The table for a finished run. The history is read once, as a stream (a long run's history is
     * on disk, issue 18): an acknowledged send is kept only if the final log lacks its value or a
     * row names it (duplicated); sends whose records retention deleted are counted, one row per
     * partition, not listed one by one.
     */
    public static Table table(KafkaCluster c, RecordLedger ledger, LogCheckResult logCheck) {
        int partitions = c.partitions();
        List<Optional<ReplicaLog>> views = new ArrayList<>();
        List<Map<Long, List<Long>>> offsets = new ArrayList<>();
        List<TreeSet<Long>> doubled = new ArrayList<>();
        List<TreeSet<Long>> readTwice = new ArrayList<>();
        TreeSet<Long> named = new TreeSet<>();
        List<Map<Long, LogRecord>> cleaned = new ArrayList<>();
        List<Map<Long, Long>> newestOfKey = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            Optional<ReplicaLog> view = KafkaInvariants.settledLeaderLog(c, p);
            views.add(view);
            Map<Long, List<Long>> at = new TreeMap<>();
            Map<Long, LogRecord> gaps = new TreeMap<>();
            Map<Long, Long> newest = new TreeMap<>();
            if (view.isPresent()) {
                ReplicaLog log = view.get();
                for (long o = log.logStartOffset(); o < log.leo(); o++) {
                    LogRecord r = log.get(o);
                    if (!r.readable()) {
                        gaps.putIfAbsent(r.value(), r);
                        continue;
                    }
                    at.computeIfAbsent(r.value(), v -> new ArrayList<>()).add(o);
                    if (r.hasKey()) {
                        newest.put(r.key(), o);
                    }
                }
            }
            offsets.add(at);
            cleaned.add(gaps);
            newestOfKey.add(newest);
            TreeSet<Long> twice = new TreeSet<>();
            at.forEach((v, where) -> {
                if (where.size() > 1) {
                    twice.add(v);
                }
            });
            doubled.add(twice);
            TreeSet<Long> read = readTwice(logCheck, p);
            read.removeAll(twice);
            readTwice.add(read);
            named.addAll(twice);
            named.addAll(read);
        }
        Acks acks = acks(c, views, offsets, named);
        Rows rows = new Rows();
        // Compacted records come after the lost and duplicated ones: on a compacted topic they are many.
        List<java.util.function.Supplier<List<String>>> compacted = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            if (views.get(p).isEmpty()) {
                if (acks.unjudged[p] > 0) {
                    rows.add(() -> List.of("not judged", "p" + partition, "-", "-", "-", "-", "-", "-",
                            "no settled leader at the end (offline, or the named leader has not taken over): its "
                                    + acks.unjudged[partition] + " acknowledged sends are not judged"));
                }
                continue;
            }
            for (Ack a : acks.missing.values()) {
                if (a.partition() != p) {
                    continue;
                }
                LogRecord gone = cleaned.get(p).get(a.value());
                if (gone != null) {
                    // The log cleaner removed it (C8.4): a newer value of its key replaced it, by design.
                    Long newer = newestOfKey.get(p).get(gone.key());
                    compacted.add(() -> row("compacted", a, ledger, newer == null
                            ? "compacted (key " + gone.key() + " was deleted: its tombstone was removed after "
                                    + "delete.retention.ms)"
                            : "compacted (a newer value of key " + gone.key() + " at offset " + newer + ")"));
                } else {
                    rows.add(() -> row("lost", a, ledger, where(c, ledger, a)));
                }
            }
            if (acks.deleted[p] > 0) {
                long start = views.get(p).get().logStartOffset();
                rows.add(() -> List.of("deleted", "p" + partition, "-", "-", "-", "-", "-", "-", acks.deleted[partition]
                        + " acknowledged sends deleted by retention: the final leader's log starts at offset " + start));
            }
            Map<Long, List<Long>> at = offsets.get(p);
            for (long v : doubled.get(p)) {
                rows.add(() -> {
                    String where = "present at offsets " + join(at.get(v)) + " of the leader's log (appended at epochs "
                            + join(ledger.appends(v).stream().filter(x -> x.partition() == partition)
                                    .map(x -> (long) x.epoch()).toList()) + ")";
                    return acks.named.containsKey(v) ? row("duplicated", acks.named.get(v), ledger, where)
                            : unacked(partition, v, where);
                });
            }
            for (long v : readTwice.get(p)) {
                rows.add(() -> {
                    String where = "consumers read it at more than one offset (Jepsen duplicate); the final log holds it "
                            + (at.containsKey(v) ? "at offset " + join(at.get(v)) : "nowhere");
                    return acks.named.containsKey(v) ? row("duplicated", acks.named.get(v), ledger, where)
                            : unacked(partition, v, where);
                });
            }
        }
        compacted.forEach(rows::add);
        return new Table(TITLE, COLUMNS, rows.table());
    }

    /** The first {@link #MAX_ROWS} rows, each built only if shown, and a count of the rest. */
    private static final class Rows {
        private final List<List<String>> shown = new ArrayList<>();
        private long more;

        void add(java.util.function.Supplier<List<String>> row) {
            if (shown.size() < MAX_ROWS) {
                shown.add(row.get());
            } else {
                more++;
            }
        }

        List<List<String>> table() {
            List<List<String>> out = new ArrayList<>(shown);
            if (more > 0) {
                out.add(List.of("more", "-", "-", "-", "-", "-", "-", "-", more + " more rows not shown"));
            }
            return out;
        }
    }

    /**
     * What one pass over the history keeps: acknowledged sends the final log lacks ({@code missing})
     * and those of {@code named} values, by value (values are unique per run; the first ack of a
     * value wins); per partition, how many sends retention deleted and how many are not judged.
     */
    private record Acks(Map<Long, Ack> missing, Map<Long, Ack> named, long[] deleted, long[] unjudged) {
    }

    private static Acks acks(KafkaCluster c, List<Optional<ReplicaLog>> views, List<Map<Long, List<Long>>> offsets,
            TreeSet<Long> named) {
        Acks out = new Acks(new TreeMap<>(), new TreeMap<>(), new long[views.size()], new long[views.size()]);
        for (Op op : c.history()) {
            if (op.type() != OpType.OK || !op.f().equals(KafkaOps.SEND)) {
                continue;
            }
            for (KafkaOps.Send s : KafkaOps.sends(op)) {
                if (!(s.key() instanceof Value.Int k && s.value() instanceof Value.Int v)) {
                    continue;
                }
                int p = (int) k.value();
                Ack a = new Ack(p, v.value(), s.offset(), op.process(), op.time().orElse(0));
                if (named.contains(a.value())) {
                    out.named().putIfAbsent(a.value(), a);
                }
                if (p < 0 || p >= views.size()) {
                    continue;
                } else if (views.get(p).isEmpty()) {
                    out.unjudged()[p]++;
                } else if (offsets.get(p).containsKey(a.value())) {
                    continue;
                } else if (a.offset().isPresent() && a.offset().getAsLong() < views.get(p).get().logStartOffset()) {
                    out.deleted()[p]++; // retention deleted it (C8.2): gone by the configuration's design
                } else {
                    out.missing().putIfAbsent(a.value(), a);
                }
            }
        }
        return out;
    }

    /** Values the log check saw at more than one offset of partition {@code p}. */
    private static TreeSet<Long> readTwice(LogCheckResult logCheck, int p) {
        TreeSet<Long> out = new TreeSet<>();
        for (Anomaly a : logCheck.of(AnomalyType.DUPLICATE)) {
            if (a.key() instanceof Value.Int k && k.value() == p) {
                for (Value v : a.values()) {
                    if (v instanceof Value.Int i) {
                        out.add(i.value());
                    }
                }
            }
        }
        return out;
    }

    private static List<String> row(String kind, Ack a, RecordLedger ledger, String where) {
        Optional<RecordLedger.Append> by = answeredBy(a, ledger);
        return List.of(kind, "p" + a.partition(), String.valueOf(a.value()), String.valueOf(a.process()),
                SimTime.format(a.nanos()), by.map(x -> "b" + (x.broker() + 1)).orElse("-"),
                by.map(x -> String.valueOf(x.epoch())).orElse("-"),
                a.offset().isPresent() ? String.valueOf(a.offset().getAsLong()) : by.map(x -> String.valueOf(x.offset())).orElse("-"),
                where);
    }

    private static List<String> unacked(int p, long v, String where) {
        return List.of("duplicated", "p" + p, String.valueOf(v), "-", "not acked", "-", "-", "-", where);
    }

    /**
     * The leader append the ack reports: the one at the acknowledged offset, else (acks=0 gives no
     * offset) the last one before the ack.
     */
    private static Optional<RecordLedger.Append> answeredBy(Ack a, RecordLedger ledger) {
        RecordLedger.Append best = null;
        for (RecordLedger.Append x : ledger.appends(a.value())) {
            if (x.partition() != a.partition() || x.nanos() > a.nanos()) {
                continue;
            }
            if (a.offset().isEmpty() || x.offset() == a.offset().getAsLong()) {
                best = x;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Replication, each removal in time order, and which replicas still hold it. */
    private static String where(KafkaCluster c, RecordLedger ledger, Ack a) {
        if (ledger.appends(a.value()).stream().noneMatch(x -> x.partition() == a.partition())) {
            return "no broker ever appended it (acknowledged without reaching a leader's log)";
        }
        List<String> parts = new ArrayList<>();
        TreeSet<Integer> copiedTo = new TreeSet<>();
        ledger.copies(a.value()).stream().filter(x -> x.partition() == a.partition()).forEach(x -> copiedTo.add(x.broker()));
        parts.add(copiedTo.isEmpty() ? "never replicated" : "replicated to " + brokers(copiedTo));
        for (RecordLedger.Removal r : ledger.removals(a.value())) {
            if (r.partition() != a.partition()) {
                continue;
            }
            String leader = r.leader() < 0 ? "the partition offline" : "b" + (r.leader() + 1) + " leading epoch " + r.epoch();
            parts.add((r.crash() ? "gone from b" + (r.broker() + 1) + "'s disk after a crash (noticed at "
                    : "truncated from b" + (r.broker() + 1) + " at ") + SimTime.format(r.nanos())
                    + (r.crash() ? ", " : " (") + leader + ")");
        }
        PartitionState named = c.controller().partitions().get(a.partition());
        parts.add("the final leader b" + (named.leader() + 1) + " (epoch " + named.leaderEpoch() + ") lacks it");
        TreeSet<Integer> holders = new TreeSet<>();
        for (int b : c.replicas(a.partition())) {
            if (c.log(b, a.partition()).map(l -> holds(l, a.value())).orElse(false)) {
                holders.add(b);
            }
        }
        if (!holders.isEmpty()) {
            parts.add("still on " + brokers(holders) + ", which does not lead: not the system's view");
        }
        return String.join("; ", parts);
    }

    private static boolean holds(ReplicaLog log, long value) {
        for (long o = log.logStartOffset(); o < log.leo(); o++) {
            if (log.get(o).readable() && log.get(o).value() == value) {
                return true;
            }
        }
        return false;
    }

    private static String brokers(TreeSet<Integer> ids) {
        return String.join(", ", ids.stream().map(b -> "b" + (b + 1)).toList());
    }

    private static String join(List<Long> xs) {
        return String.join(" and ", xs.stream().map(String::valueOf).toList());
    }
}
