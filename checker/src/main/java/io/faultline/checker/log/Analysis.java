package io.faultline.checker.log;

import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The indices every Kafka check shares, at the history's end ({@link LogIndex#seal}): who wrote each
 * value and which ok ops read it (by position), and each key's final version order (FIDELITY C10
 * "Model of the workload").
 */
final class Analysis {
    final LogIndex index;
    final boolean subscribe;
    /** Processes that assigned themselves partitions (Jepsen's {@code :assign}) and never subscribed: in no group. */
    final Set<Integer> assigners;
    /** Whether any op is a {@code :txn}: only then are ops transactions (FIDELITY C12.4). */
    final boolean transactional;
    /** key -> its version order, keys in the order the history first revealed them. */
    final Map<Value, VersionOrder> orders;
    /** key -> value -> its record key, on a compacted topic (empty otherwise). */
    private final Map<Value, Map<Value, Value>> recordKeys;
    /** key -> superseded value -> the newest value of its record key, built on first use. */
    private final Map<Value, Map<Value, Value>> superseded = new LinkedHashMap<>();

    Analysis(LogIndex index, Map<Value, VersionOrder> orders, Map<Value, Map<Value, Value>> recordKeys) {
        this.index = index;
        this.orders = orders;
        this.recordKeys = recordKeys;
        this.subscribe = index.subscribe;
        this.transactional = index.transactional;
        Set<Integer> a = new TreeSet<>(index.assigned);
        a.removeAll(index.subscribers); // a process that ever subscribed may have been rebalanced
        this.assigners = a;
    }

    /** The position of the first completion that sent {@code value} to {@code key}, or -1. */
    int writer(Value key, Value value) {
        Map<Value, Integer> byValue = index.writerOf.get(key);
        Integer w = byValue == null ? null : byValue.get(value);
        return w == null ? -1 : w;
    }

    /** The ranks of the reads of {@code value} of {@code key} by ok ops. */
    Longs readers(Value key, Value value) {
        return index.readersOf.get(key).get(value);
    }

    /** The values of {@code key} that ok ops read, in the order first read. */
    Set<Value> okReads(Value key) {
        Map<Value, Longs> byValue = index.readersOf.get(key);
        return byValue == null ? Set.of() : byValue.keySet();
    }

    static int position(long rank) {
        return (int) (rank >>> LogIndex.SEQ_BITS);
    }

    OpType type(int pos) {
        return index.table.type(index.table.row(pos));
    }

    /** Ok, or info with one of its sends proven visible by an ok poll. */
    boolean mustHaveCommitted(int pos) {
        OpType t = type(pos);
        if (t == OpType.OK) {
            return true;
        }
        LogIndex.InfoSends info = index.infoSends.get(pos);
        return t == OpType.INFO && info != null && index.committedInfo(info.sends());
    }

    /**
     * Whether the log cleaner may have removed {@code value} of {@code key}: on a compacted topic,
     * a newer value of the same record key sits at a higher offset (FIDELITY C8.4).
     */
    boolean compacted(Value key, Value value) {
        return supersededIn(key).containsKey(value);
    }

    /** Why {@code value} may be gone: "compacted (a newer value of key K at offset O)". */
    String compactedBecause(Value key, Value value) {
        Value newer = supersededIn(key).get(value);
        VersionOrder o = orders.get(key);
        return "compacted (a newer value of key " + recordKeys.get(key).get(value) + " at offset "
                + o.offsetAt(o.firstIndex(newer).orElse(-1)).map(String::valueOf).orElse("?") + ": " + newer + ")";
    }

    private Map<Value, Value> supersededIn(Value key) {
        Map<Value, Value> keys = recordKeys.getOrDefault(key, Map.of());
        VersionOrder o = orders.get(key);
        if (keys.isEmpty() || o == null) {
            return Map.of();
        }
        return superseded.computeIfAbsent(key, k -> {
            Map<Value, Value> out = new LinkedHashMap<>();
            Map<Value, Value> newest = new LinkedHashMap<>();
            for (int i = o.size() - 1; i >= 0; i--) {
                Value v = o.valueAt(i);
                Value rk = keys.get(v);
                if (rk == null) {
                    continue;
                }
                Value newer = newest.putIfAbsent(rk, v);
                if (newer != null) {
                    out.put(v, newer);
                }
            }
            return out;
        });
    }

    /** The dense index of a value in its key's order, or -1 if unknown. */
    int indexOf(Value key, Value value) {
        VersionOrder o = orders.get(key);
        return o == null ? -1 : o.firstIndex(value).orElse(-1);
    }
}
