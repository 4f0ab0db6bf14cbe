package io.faultline.checker.log;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Checks a Kafka send/poll/txn history for Jepsen's Kafka anomalies (FIDELITY C10): duplicates,
 * inconsistent offsets, aborted reads (G1a), precommitted reads, lost writes, unseen writes, and
 * the ordering anomalies within and across ops ({@link OrderChecks}), and the consumer-group
 * anomalies of processes that subscribed ({@link GroupChecks}). The outcome is INVALID iff
 * some anomaly not allowed by Kafka's model is present ({@link AnomalyType#allowed}). Elle's
 * transactional anomalies (G1b, and the cycles G0, G1c, G2 over the ww/wr/rw dependency graph) are
 * {@link CycleChecks}'s (FIDELITY C12.4), for histories with {@code :txn} ops: without
 * transactions every op stands alone, and the interleavings those kinds describe are the plain
 * anomalies above or nothing Kafka promises.
 *
 * <pre>{@code
 * History h = ...; // :send / :poll / :assign ops in Jepsen's shape (see the package doc)
 * LogCheckResult r = new KafkaLogChecker().check(h);
 * r.of(AnomalyType.LOST_WRITE).forEach(System.out::println);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class KafkaLogChecker {
    /** key -> value -> record key, for a compacted topic (empty: no compaction). */
    private final Map<Value, Map<Value, Value>> recordKeys;

    /** A checker for topics that are not compacted: every acknowledged value must be readable. */
    public KafkaLogChecker() {
        this(Map.of());
    }

    /**
     * A checker for a compacted topic (FIDELITY C8.4): {@code recordKeys} gives, per key of the
     * history (a partition), the record key of each value sent to it. A value that no poll read and
     * that a newer value of the same record key follows in the log is reported as {@code compacted}
     * (allowed) instead of lost, unseen or skipped: the log cleaner may have removed it.
     */
    public KafkaLogChecker(Map<Value, Map<Value, Value>> recordKeys) {
        this.recordKeys = Map.copyOf(recordKeys);
    }

    /** Analyses the history; never throws on odd op values (they are ignored). */
    public LogCheckResult check(History history) {
        Analysis a = new Analysis(history, recordKeys);
        List<Anomaly> out = new ArrayList<>();
        inconsistentOffsets(a, out);
        duplicates(a, out);
        abortedReads(a, out);
        precommittedReads(a, out);
        lostWrites(a, out);
        OrderChecks.within(a, out);
        OrderChecks.pollsAcross(a, out);
        OrderChecks.sendsAcross(a, out);
        unseen(a, out);
        GroupChecks.check(a, out);
        if (a.transactional) {
            CycleChecks.check(a, out);
        }
        LogCheckResult judged = new LogCheckResult(Outcome.VALID, out, a.subscribe, a.assigners);
        boolean invalid = out.stream().anyMatch(an -> !judged.allowed(an));
        return new LogCheckResult(invalid ? Outcome.INVALID : Outcome.VALID, out, a.subscribe, a.assigners);
    }

    private static void inconsistentOffsets(Analysis a, List<Anomaly> out) {
        a.orders.forEach((k, o) -> o.conflicts().forEach((offset, vs) -> out.add(new Anomaly(
                AnomalyType.INCONSISTENT_OFFSETS, k, List.copyOf(vs),
                "offset " + offset + " holds " + vs.size() + " different values", writers(a, k, vs)))));
    }

    private static void duplicates(Analysis a, List<Anomaly> out) {
        a.orders.forEach((k, o) -> o.duplicates().forEach((v, offsets) -> out.add(new Anomaly(
                AnomalyType.DUPLICATE, k, List.of(v), "value at offsets " + offsets,
                writers(a, k, List.of(v))))));
    }

    private static void abortedReads(Analysis a, List<Anomaly> out) {
        a.readersOf.forEach((k, readers) -> readers.forEach((v, ops) -> {
            Op w = a.writerOf.getOrDefault(k, Map.of()).get(v);
            if (w != null && w.type() == OpType.FAIL) {
                List<Op> involved = new ArrayList<>(List.of(w));
                involved.addAll(ops);
                out.add(new Anomaly(AnomalyType.G1A, k, List.of(v),
                        "read although its send failed", involved));
            }
        }));
    }

    private static void precommittedReads(Analysis a, List<Anomaly> out) {
        for (Op op : a.history) {
            if (op.type() != OpType.OK || !op.f().equals(KafkaOps.TXN)) {
                continue;
            }
            Map<Value, List<KafkaOps.Read>> reads = KafkaOps.reads(op);
            for (KafkaOps.Send s : KafkaOps.sends(op)) {
                for (KafkaOps.Read r : reads.getOrDefault(s.key(), List.of())) {
                    if (r.value().equals(s.value())) {
                        out.add(new Anomaly(AnomalyType.PRECOMMITTED_READ, s.key(), List.of(s.value()),
                                "the transaction read its own send", List.of(op)));
                    }
                }
            }
        }
    }

    /**
     * For each key, the highest index any ok poll reached bounds what must have been read: every
     * value whose last appearance is at or below it and whose writer must have committed.
     */
    private static void lostWrites(Analysis a, List<Anomaly> out) {
        a.okReads.forEach((k, read) -> {
            VersionOrder o = a.orders.get(k);
            if (o == null) {
                return;
            }
            int bound = -1;
            Value maxRead = Value.NIL;
            for (Value v : read) {
                int i = o.firstIndex(v).orElse(-1);
                if (i > bound) {
                    bound = i;
                    maxRead = v;
                }
            }
            for (Value v : o.lastAtOrBelow(bound)) {
                Op w = a.writerOf.getOrDefault(k, Map.of()).get(v);
                if (read.contains(v) || w == null || !a.mustHaveCommitted(w)) {
                    continue;
                }
                if (a.compacted(k, v)) {
                    out.add(new Anomaly(AnomalyType.COMPACTED, k, List.of(v), "never read: " + a.compactedBecause(k, v),
                            List.of(w)));
                    continue;
                }
                List<Op> ops = new ArrayList<>(List.of(w));
                ops.add(a.readersOf.get(k).get(maxRead).get(0));
                out.add(new Anomaly(AnomalyType.LOST_WRITE, k, List.of(v),
                        "acknowledged at index " + o.firstIndex(v).orElse(-1) + " but never read, though "
                                + maxRead + " at index " + bound + " was", ops));
            }
        });
    }

    private static void unseen(Analysis a, List<Anomaly> out) {
        Map<Value, Set<Value>> unseen = new LinkedHashMap<>();
        Map<Value, List<Op>> writers = new LinkedHashMap<>();
        for (Op op : a.history) {
            if (op.type() != OpType.OK || !Analysis.isLogOp(op)) {
                continue;
            }
            for (KafkaOps.Send s : KafkaOps.sends(op)) {
                if (!a.okReads.getOrDefault(s.key(), Set.of()).contains(s.value()) && !a.compacted(s.key(), s.value())) {
                    unseen.computeIfAbsent(s.key(), k -> new LinkedHashSet<>()).add(s.value());
                    writers.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(op);
                }
            }
        }
        unseen.forEach((k, vs) -> out.add(new Anomaly(AnomalyType.UNSEEN, k, List.copyOf(vs),
                vs.size() + " acknowledged value(s) never polled", writers.get(k))));
    }

    private static List<Op> writers(Analysis a, Value key, Iterable<Value> values) {
        List<Op> ops = new ArrayList<>();
        for (Value v : values) {
            Op w = a.writerOf.getOrDefault(key, Map.of()).get(v);
            if (w != null && !ops.contains(w)) {
                ops.add(w);
            }
        }
        return ops;
    }
}
