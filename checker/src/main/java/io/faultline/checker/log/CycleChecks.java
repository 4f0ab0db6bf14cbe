package io.faultline.checker.log;

import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Elle's transactional anomalies over a Kafka history (FIDELITY C12.4): intermediate reads (G1b)
 * and dependency cycles. Every op that ended ok (or info and proven committed) is a transaction;
 * a key's version order gives write-write edges between the writers of consecutive values, every
 * read a write-read edge from its writer, and an op's last read of a key a read-write edge to the
 * writer of the value after it. A cycle of write-write edges alone is G0, of write-read edges alone
 * G1c, of both G1c-ww, and through a read-write edge G2; one cycle is reported per strongly
 * connected component. G1a (aborted reads) is {@link KafkaLogChecker}'s own check. The graph is
 * built at the history's end, from positions and ranks ({@link LogIndex}): it needs the final
 * version order.
 */
final class CycleChecks {
    /** How many seed edges to try per component before giving up on finding a cycle of both kinds. */
    private static final int MIXED_TRIES = 8;

    /** An op's reads of one key: the rank of its first read there and the highest index it read. */
    private record KeyReads(int node, Value key, long firstRank, int last) {
    }

    private final Analysis a;
    /** The positions of the nodes: the log ops that ended ok or info, in history order. */
    private final int[] nodes;
    private final DependencyGraph g;

    private CycleChecks(Analysis a) {
        this.a = a;
        OpTable t = a.index.table;
        int[] at = new int[t.size()];
        int n = 0;
        for (int row = 0; row < t.size(); row++) {
            if (t.type(row) == OpType.OK || t.type(row) == OpType.INFO) {
                at[n++] = t.position(row);
            }
        }
        nodes = Arrays.copyOf(at, n);
        g = new DependencyGraph(n);
    }

    static void check(Analysis a, List<Found> out) {
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

    private int node(int pos) {
        int i = Arrays.binarySearch(nodes, pos);
        return i < 0 ? -1 : i;
    }

    /** The node of the committed op that wrote {@code value} to {@code key}, or -1. */
    private int writer(Value key, Value value) {
        int w = a.writer(key, value);
        if (w < 0 || !a.mustHaveCommitted(w)) {
            return -1;
        }
        return node(w);
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
        a.index.readersOf.forEach((k, byValue) -> byValue.forEach((v, readers) -> {
            int w = writer(k, v);
            if (w >= 0) {
                for (int i = 0; i < readers.size(); i++) {
                    g.add(w, node(Analysis.position(readers.get(i))), DependencyGraph.WR, k, v);
                }
            }
        }));
    }

    /** An op that read a key up to some value did not see the value after it. */
    private void readWrite() {
        Map<Long, KeyReads> slots = new HashMap<>();
        Map<Value, Integer> keyIds = new HashMap<>();
        a.index.readersOf.forEach((k, byValue) -> {
            int keyId = keyIds.computeIfAbsent(k, x -> keyIds.size());
            byValue.forEach((v, readers) -> {
                int idx = a.indexOf(k, v);
                for (int i = 0; i < readers.size(); i++) {
                    long rank = readers.get(i);
                    int n = node(Analysis.position(rank));
                    slots.merge(((long) n << 32) | keyId, new KeyReads(n, k, rank, idx), (x, y) -> new KeyReads(n, k,
                            Math.min(x.firstRank(), y.firstRank()), Math.max(x.last(), y.last())));
                }
            });
        });
        List<KeyReads> inOrder = new ArrayList<>(slots.values());
        inOrder.sort(Comparator.comparingLong(KeyReads::firstRank));
        for (KeyReads r : inOrder) {
            VersionOrder o = a.orders.get(r.key());
            int last = r.last();
            if (last >= 0 && last + 1 < o.size()) {
                Value next = o.valueAt(last + 1);
                // A duplicate of a value already read is no value the reader missed.
                int w = o.firstIndex(next).orElse(-1) > last ? writer(r.key(), next) : -1;
                if (w >= 0) {
                    g.add(r.node(), w, DependencyGraph.RW, r.key(), next);
                }
            }
        }
    }

    /** An ok op's reads of a key ended on a value its writer later overwrote in the same op. */
    private void intermediateReads(List<Found> out) {
        for (Found.Candidate read : a.index.lastReads) {
            Value k = read.key();
            Value v = read.value();
            int w = a.writer(k, v);
            if (w < 0 || w == read.pos() || !a.mustHaveCommitted(w)) {
                continue;
            }
            Value lastSent = a.index.lastSent(w, k);
            if (lastSent != null && !lastSent.equals(v)) {
                out.add(new Found(AnomalyType.G1B, k, List.of(v, lastSent),
                        "read stopped at " + v + ", which its transaction followed with " + lastSent,
                        new int[] {w, read.pos()}));
            }
        }
    }

    /**
     * One cycle of {@code type} per strongly connected component of the edges in {@code mask}: a
     * cycle through an edge of kind {@code seed} that uses every kind in {@code required} (so a
     * G1c-ww cycle is not a G0 or G1c cycle found again). Tries up to {@code tries} seed edges.
     */
    private void report(AnomalyType type, int mask, int seed, int required, int tries, List<Found> out) {
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

    private Found anomaly(AnomalyType type, List<DependencyGraph.Edge> cycle) {
        StringBuilder b = new StringBuilder("#" + nodes[cycle.get(0).from()]);
        List<Value> values = new ArrayList<>();
        int[] involved = new int[cycle.size()];
        int i = 0;
        for (DependencyGraph.Edge e : cycle) {
            involved[i++] = nodes[e.from()];
            values.add(e.value());
            b.append(" -").append(e.label()).append(' ').append(e.key()).append(':').append(e.value())
                    .append("-> #").append(nodes[e.to()]);
        }
        return new Found(type, cycle.get(0).key(), values, b.toString(), involved);
    }
}
