package io.faultline.checker.log;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.OnlineCheck;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
 * <p>The check runs online (issue 18): {@link #online} is fed each op as it is recorded and keeps
 * op positions, never ops; what needs the whole history (the final version order, what is lost or
 * unseen, the cycle search) runs at its result, and only the ops an anomaly names are read back.
 * {@link #check} feeds a history at hand to the same online check.
 *
 * <pre>{@code
 * History h = ...; // :send / :poll / :assign ops in Jepsen's shape (see the package doc)
 * LogCheckResult r = new KafkaLogChecker().check(h);
 * r.of(AnomalyType.LOST_WRITE).forEach(System.out::println);
 *
 * OnlineCheck<LogCheckResult> live = KafkaLogChecker.online(recorder::history, Map::of);
 * recorder.listen(live);  // before the run's first op; live.result() after its last
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
        return OnlineCheck.over(history, online(() -> history, () -> recordKeys));
    }

    /**
     * The check fed op by op as {@code history}'s ops are recorded. At its result, {@code history}
     * gives the recorded history (read only for the ops the anomalies name) and {@code recordKeys}
     * the record keys of a compacted topic (empty otherwise), known only then: they are read from the
     * replicas' logs after the run. The result may be asked again after more ops.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static OnlineCheck<LogCheckResult> online(Supplier<History> history,
                                                     Supplier<Map<Value, Map<Value, Value>>> recordKeys) {
        return new Online(history, recordKeys);
    }

    private static final class Online implements OnlineCheck<LogCheckResult> {
        private final Supplier<History> history;
        private final Supplier<Map<Value, Map<Value, Value>>> recordKeys;
        private final LogIndex index = new LogIndex();
        private final OrderChecks order = new OrderChecks(index);

        Online(Supplier<History> history, Supplier<Map<Value, Map<Value, Value>>> recordKeys) {
            this.history = history;
            this.recordKeys = recordKeys;
        }

        @Override
        public void accept(Op op) {
            index.accept(op);
            order.accept(op);
        }

        @Override
        public LogCheckResult result() {
            Analysis a = index.seal(Map.copyOf(recordKeys.get()));
            List<Found> out = new ArrayList<>();
            inconsistentOffsets(a, out);
            duplicates(a, out);
            abortedReads(a, out);
            precommittedReads(a, out);
            lostWrites(a, out);
            order.judge(a, out);
            unseen(a, out);
            GroupChecks.check(a, out);
            if (a.transactional) {
                CycleChecks.check(a, out);
            }
            List<Anomaly> anomalies = Found.resolve(out, history.get());
            LogCheckResult judged = new LogCheckResult(Outcome.VALID, anomalies, a.subscribe, a.assigners);
            boolean invalid = anomalies.stream().anyMatch(an -> !judged.allowed(an));
            return new LogCheckResult(invalid ? Outcome.INVALID : Outcome.VALID, anomalies, a.subscribe, a.assigners);
        }
    }

    private static void inconsistentOffsets(Analysis a, List<Found> out) {
        a.orders.forEach((k, o) -> o.conflicts().forEach((offset, vs) -> out.add(new Found(
                AnomalyType.INCONSISTENT_OFFSETS, k, List.copyOf(vs),
                "offset " + offset + " holds " + vs.size() + " different values", writers(a, k, vs)))));
    }

    private static void duplicates(Analysis a, List<Found> out) {
        a.orders.forEach((k, o) -> o.duplicates().forEach((v, offsets) -> out.add(new Found(
                AnomalyType.DUPLICATE, k, List.of(v), "value at offsets " + offsets, writers(a, k, List.of(v))))));
    }

    private static void abortedReads(Analysis a, List<Found> out) {
        a.index.readersOf.forEach((k, readers) -> readers.forEach((v, ranks) -> {
            int w = a.writer(k, v);
            if (w >= 0 && a.type(w) == io.faultline.checker.history.OpType.FAIL) {
                int[] involved = new int[1 + ranks.size()];
                involved[0] = w;
                for (int i = 0; i < ranks.size(); i++) {
                    involved[i + 1] = Analysis.position(ranks.get(i));
                }
                out.add(new Found(AnomalyType.G1A, k, List.of(v), "read although its send failed", involved));
            }
        }));
    }

    private static void precommittedReads(Analysis a, List<Found> out) {
        for (Found.Candidate c : a.index.precommitted) {
            out.add(new Found(AnomalyType.PRECOMMITTED_READ, c.key(), List.of(c.value()),
                    "the transaction read its own send", new int[] {c.pos()}));
        }
    }

    /**
     * For each key, the highest index any ok poll reached bounds what must have been read: every
     * value whose last appearance is at or below it and whose writer must have committed.
     */
    private static void lostWrites(Analysis a, List<Found> out) {
        a.index.readersOf.forEach((k, readers) -> {
            Set<Value> read = readers.keySet();
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
                int w = a.writer(k, v);
                if (read.contains(v) || w < 0 || !a.mustHaveCommitted(w)) {
                    continue;
                }
                if (a.compacted(k, v)) {
                    out.add(new Found(AnomalyType.COMPACTED, k, List.of(v), "never read: " + a.compactedBecause(k, v),
                            new int[] {w}));
                    continue;
                }
                out.add(new Found(AnomalyType.LOST_WRITE, k, List.of(v),
                        "acknowledged at index " + o.firstIndex(v).orElse(-1) + " but never read, though "
                                + maxRead + " at index " + bound + " was",
                        new int[] {w, Analysis.position(readers.get(maxRead).first())}));
            }
        });
    }

    private static void unseen(Analysis a, List<Found> out) {
        Map<Value, Set<Value>> unseen = new LinkedHashMap<>();
        Map<Value, List<Integer>> writers = new LinkedHashMap<>();
        for (Found.Candidate s : a.index.okSends) {
            if (!a.okReads(s.key()).contains(s.value()) && !a.compacted(s.key(), s.value())) {
                unseen.computeIfAbsent(s.key(), k -> new LinkedHashSet<>()).add(s.value());
                writers.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s.pos());
            }
        }
        unseen.forEach((k, vs) -> out.add(new Found(AnomalyType.UNSEEN, k, List.copyOf(vs),
                vs.size() + " acknowledged value(s) never polled", Found.positions(writers.get(k)))));
    }

    private static int[] writers(Analysis a, Value key, Iterable<Value> values) {
        List<Integer> ops = new ArrayList<>();
        for (Value v : values) {
            int w = a.writer(key, v);
            if (w >= 0 && !ops.contains(w)) {
                ops.add(w);
            }
        }
        return Found.positions(ops);
    }
}
