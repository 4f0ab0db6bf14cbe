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
 * at more than one offset (a write the log cleaner removed is listed as compacted, after them, C8.4): who acknowledged it, when, which leader answered in which epoch, and
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

    /** The table for a finished run. */
    public static Table table(KafkaCluster c, RecordLedger ledger, LogCheckResult logCheck) {
        Map<Long, Ack> acks = acks(c);
        List<List<String>> rows = new ArrayList<>();
        // Compacted records come after the lost and duplicated ones: on a compacted topic they are many.
        List<List<String>> compacted = new ArrayList<>();
        for (int p = 0; p < c.partitions(); p++) {
            Optional<ReplicaLog> view = KafkaInvariants.settledLeaderLog(c, p);
            int partition = p;
            List<Ack> mine = acks.values().stream().filter(a -> a.partition() == partition).toList();
            if (view.isEmpty()) {
                if (!mine.isEmpty()) {
                    rows.add(List.of("not judged", "p" + p, "-", "-", "-", "-", "-", "-", "no settled leader at the end"
                            + " (offline, or the named leader has not taken over): its " + mine.size()
                            + " acknowledged writes are not judged"));
                }
                continue;
            }
            ReplicaLog log = view.get();
            long start = log.logStartOffset();
            Map<Long, List<Long>> offsets = new TreeMap<>();
            Map<Long, LogRecord> cleanedByValue = new TreeMap<>();
            Map<Long, Long> newestOfKey = new TreeMap<>();
            for (long o = start; o < log.leo(); o++) {
                LogRecord r = log.get(o);
                if (!r.readable()) {
                    cleanedByValue.putIfAbsent(r.value(), r);
                    continue;
                }
                offsets.computeIfAbsent(r.value(), v -> new ArrayList<>()).add(o);
                if (r.hasKey()) {
                    newestOfKey.put(r.key(), o);
                }
            }
            for (Ack a : mine) {
                if (offsets.containsKey(a.value())) {
                    continue;
                }
                LogRecord gone = cleanedByValue.get(a.value());
                if (gone != null) {
                    // The log cleaner removed it (C8.4): a newer value of its key replaced it, by design.
                    Long newer = newestOfKey.get(gone.key());
                    compacted.add(row("compacted", a, ledger, newer == null
                            ? "compacted (key " + gone.key() + " was deleted: its tombstone was removed after "
                                    + "delete.retention.ms)"
                            : "compacted (a newer value of key " + gone.key() + " at offset " + newer + ")"));
                    continue;
                }
                if (a.offset().isPresent() && a.offset().getAsLong() < start) {
                    // Retention deleted it (C8.2): gone by the configuration's design, not by a fault.
                    rows.add(row("deleted", a, ledger, "deleted by retention: the final leader's log starts at offset "
                            + start));
                    continue;
                }
                rows.add(row("lost", a, ledger, where(c, ledger, a)));
            }
            TreeSet<Long> doubled = new TreeSet<>();
            offsets.forEach((v, at) -> {
                if (at.size() > 1) {
                    doubled.add(v);
                }
            });
            TreeSet<Long> readTwice = readTwice(logCheck, p);
            readTwice.removeAll(doubled);
            for (long v : doubled) {
                String where = "present at offsets " + join(offsets.get(v)) + " of the leader's log (appended at epochs "
                        + join(ledger.appends(v).stream().filter(x -> x.partition() == partition)
                                .map(x -> (long) x.epoch()).toList()) + ")";
                rows.add(acks.containsKey(v) ? row("duplicated", acks.get(v), ledger, where) : unacked(p, v, where));
            }
            for (long v : readTwice) {
                String where = "consumers read it at more than one offset (Jepsen duplicate); the final log holds it "
                        + (offsets.containsKey(v) ? "at offset " + join(offsets.get(v)) : "nowhere");
                rows.add(acks.containsKey(v) ? row("duplicated", acks.get(v), ledger, where) : unacked(p, v, where));
            }
        }
        rows.addAll(compacted);
        if (rows.size() > MAX_ROWS) {
            int more = rows.size() - MAX_ROWS;
            rows = new ArrayList<>(rows.subList(0, MAX_ROWS));
            rows.add(List.of("more", "-", "-", "-", "-", "-", "-", "-", more + " more rows not shown"));
        }
        return new Table(TITLE, COLUMNS, rows);
    }

    /** Every acknowledged send by value (values are unique per run); the first ack of a value wins. */
    private static Map<Long, Ack> acks(KafkaCluster c) {
        Map<Long, Ack> out = new TreeMap<>();
        for (Op op : c.history()) {
            if (op.type() != OpType.OK || !op.f().equals(KafkaOps.SEND)) {
                continue;
            }
            for (KafkaOps.Send s : KafkaOps.sends(op)) {
                if (s.key() instanceof Value.Int k && s.value() instanceof Value.Int v) {
                    out.putIfAbsent(v.value(), new Ack((int) k.value(), v.value(), s.offset(), op.process(),
                            op.time().orElse(0)));
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
            if (c.log(b, a.partition()).map(l -> l.values().contains(a.value())).orElse(false)) {
                holders.add(b);
            }
        }
        if (!holders.isEmpty()) {
            parts.add("still on " + brokers(holders) + ", which does not lead: not the system's view");
        }
        return String.join("; ", parts);
    }

    private static String brokers(TreeSet<Integer> ids) {
        return String.join(", ", ids.stream().map(b -> "b" + (b + 1)).toList());
    }

    private static String join(List<Long> xs) {
        return String.join(" and ", xs.stream().map(String::valueOf).toList());
    }
}
