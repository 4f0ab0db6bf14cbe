package io.faultline.checker.log;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elle's transactional anomalies over a Kafka history (FIDELITY C12.4): intermediate reads (G1b)
 * and dependency cycles. Every op that ended ok (or info and proven committed) is a transaction;
 * a key's version order gives write-write edges between the writers of consecutive values, every
 * read a write-read edge from its writer, and an op's last read of a key a read-write edge to the
 * writer of the value after it. A cycle of write-write edges alone is G0, of write-read edges alone
 * G1c, of both G1c-ww, and through a read-write edge G2; one cycle is reported per strongly
 * connected component. G1a (aborted reads) is {@link KafkaLogChecker}'s own check.
 */
final class CycleChecks {
    /** How many seed edges to try per component before giving up on finding a cycle of both kinds. */
    private static final int MIXED_TRIES = 8;

    private final Analysis a;
    private final List<Op> ops = new ArrayList<>();
    private final Map<Long, Integer> node = new HashMap<>();
    private final DependencyGraph g;

    private CycleChecks(Analysis a) {
        this.a = a;
        for (Op op : a.history) {
            if (op.type().isCompletion() && Analysis.isLogOp(op)
                    && (op.type() == OpType.OK || op.type() == OpType.INFO)) {
                node.put(op.index(), ops.size());
                ops.add(op);
            }
        }
        g = new DependencyGraph(ops.size());
    }

    static void check(Analysis a, List<Anomaly> out) {
        CycleChecks c = new CycleChecks(a);
        c.intermediateReads(out);
        c.writeWrite();
        c.writeRead();
        c.readWrite();
        int ww = DependencyGraph.WW;
        int wr = DependencyGraph.WR;
        int rw = DependencyGraph.RW;
        c.report(AnomalyType.G0, ww, ww, ww, 1, out);
        c.report(AnomalyType.G1C, wr, wr, wr, 1, out);
        c.report(AnomalyType.G1C_WW, ww | wr, ww, ww | wr, MIXED_TRIES, out);
        c.report(AnomalyType.G2, ww | wr | rw, rw, rw, 1, out);
    }

    /** The node of the committed op that wrote {@code value} to {@code key}, or -1. */
    private int writer(Value key, Value value) {
        Op w = a.writerOf.getOrDefault(key, Map.of()).get(value);
        if (w == null || !a.mustHaveCommitted(w)) {
            return -1;
        }
        return node.getOrDefault(w.index(), -1);
    }

    private void writeWrite() {
        a.orders.forEach((k, o) -> {
            int prev = -1;
            for (int i = 0; i < o.size(); i++) {
                Value v = o.valueAt(i);
                int w = o.firstIndex(v).orElse(-1) == i ? writer(k, v) : -1;
                if (w < 0) {
                    continue;
                }
                if (prev >= 0) {
                    g.add(prev, w, DependencyGraph.WW, k, v);
                }
                prev = w;
            }
        });
    }

    private void writeRead() {
        a.readersOf.forEach((k, byValue) -> byValue.forEach((v, readers) -> {
            int w = writer(k, v);
            if (w >= 0) {
                for (Op r : readers) {
                    g.add(w, node.get(r.index()), DependencyGraph.WR, k, v);
                }
            }
        }));
    }

    /** An op that read a key up to some value did not see the value after it. */
    private void readWrite() {
        for (int r = 0; r < ops.size(); r++) {
            Op op = ops.get(r);
            if (op.type() != OpType.OK) {
                continue;
            }
            for (Map.Entry<Value, List<KafkaOps.Read>> e : KafkaOps.reads(op).entrySet()) {
                int last = -1;
                for (KafkaOps.Read read : e.getValue()) {
                    last = Math.max(last, a.indexOf(e.getKey(), read.value()));
                }
                VersionOrder o = a.orders.get(e.getKey());
                if (last >= 0 && last + 1 < o.size()) {
                    Value next = o.valueAt(last + 1);
                    // A duplicate of a value already read is no value the reader missed.
                    int w = o.firstIndex(next).orElse(-1) > last ? writer(e.getKey(), next) : -1;
                    if (w >= 0) {
                        g.add(r, w, DependencyGraph.RW, e.getKey(), next);
                    }
                }
            }
        }
    }

    /** An ok op's reads of a key ended on a value its writer later overwrote in the same op. */
    private void intermediateReads(List<Anomaly> out) {
        Map<Long, Map<Value, Value>> lastSends = new HashMap<>();
        for (Op op : ops) {
            if (op.type() != OpType.OK) {
                continue;
            }
            KafkaOps.reads(op).forEach((k, rs) -> {
                if (rs.isEmpty()) {
                    return;
                }
                Value v = rs.get(rs.size() - 1).value();
                Op w = a.writerOf.getOrDefault(k, Map.of()).get(v);
                if (w == null || w == op || !a.mustHaveCommitted(w)) {
                    return;
                }
                Value lastSent = lastSends.computeIfAbsent(w.index(), i -> lastSendPerKey(w)).get(k);
                if (lastSent != null && !lastSent.equals(v)) {
                    out.add(new Anomaly(AnomalyType.G1B, k, List.of(v, lastSent),
                            "read stopped at " + v + ", which its transaction followed with " + lastSent,
                            List.of(w, op)));
                }
            });
        }
    }

    private static Map<Value, Value> lastSendPerKey(Op op) {
        Map<Value, Value> out = new LinkedHashMap<>();
        for (KafkaOps.Send s : KafkaOps.sends(op)) {
            out.put(s.key(), s.value());
        }
        return out;
    }

    /**
     * One cycle of {@code type} per strongly connected component of the edges in {@code mask}: a
     * cycle through an edge of kind {@code seed} that uses every kind in {@code required} (so a
     * G1c-ww cycle is not a G0 or G1c cycle found again). Tries up to {@code tries} seed edges.
     */
    private void report(AnomalyType type, int mask, int seed, int required, int tries, List<Anomaly> out) {
        int[] comp = g.components(mask);
        DependencyGraph.Cycles cycles = g.cycles(comp, mask);
        Map<Integer, Integer> tried = new HashMap<>();
        for (DependencyGraph.Edge e : g.inside(comp, seed)) {
            int c = comp[e.from()];
            int n = tried.getOrDefault(c, 0);
            if (n < 0 || n >= tries) {
                continue;
            }
            List<DependencyGraph.Edge> cycle = cycles.through(e);
            int kinds = 0;
            for (DependencyGraph.Edge x : cycle) {
                kinds |= x.kind();
            }
            if (!cycle.isEmpty() && (kinds & required) == required) {
                out.add(anomaly(type, cycle));
                tried.put(c, -1);
            } else {
                tried.put(c, n + 1);
            }
        }
    }

    private Anomaly anomaly(AnomalyType type, List<DependencyGraph.Edge> cycle) {
        StringBuilder b = new StringBuilder("#" + ops.get(cycle.get(0).from()).index());
        List<Value> values = new ArrayList<>();
        List<Op> involved = new ArrayList<>();
        for (DependencyGraph.Edge e : cycle) {
            involved.add(ops.get(e.from()));
            values.add(e.value());
            b.append(" -").append(e.label()).append(' ').append(e.key()).append(':').append(e.value())
                    .append("-> #").append(ops.get(e.to()).index());
        }
        return new Anomaly(type, cycle.get(0).key(), values, b.toString(), involved);
    }
}
