package io.faultline.checker.log;

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
import java.util.TreeSet;

/**
 * The indices every Kafka check shares: who wrote each value, what ok polls read, and each key's
 * version order (FIDELITY C10 "Model of the workload").
 */
final class Analysis {
    final History history;
    final boolean subscribe;
    /** Processes that assigned themselves partitions (Jepsen's {@code :assign}) and never subscribed: in no group. */
    final Set<Integer> assigners = new TreeSet<>();
    /** Whether any op is a {@code :txn}: only then are ops transactions (FIDELITY C12.4). */
    final boolean transactional;
    /** key -> value -> the completion of the op that sent it. */
    final Map<Value, Map<Value, Op>> writerOf = new LinkedHashMap<>();
    /** key -> values read by ok polls or txns. */
    final Map<Value, Set<Value>> okReads = new LinkedHashMap<>();
    /** key -> value -> ok ops that read it. */
    final Map<Value, Map<Value, List<Op>>> readersOf = new LinkedHashMap<>();
    final Map<Value, VersionOrder> orders = new LinkedHashMap<>();
    /** key -> value -> its record key, on a compacted topic (empty otherwise). */
    private final Map<Value, Map<Value, Value>> recordKeys;
    /** key -> superseded value -> the newest value of its record key, built on first use. */
    private final Map<Value, Map<Value, Value>> superseded = new LinkedHashMap<>();

    Analysis(History history) {
        this(history, Map.of());
    }

    Analysis(History history, Map<Value, Map<Value, Value>> recordKeys) {
        this.history = history;
        this.recordKeys = recordKeys;
        boolean sub = false;
        Set<Integer> subscribers = new TreeSet<>();
        boolean txn = false;
        for (Op op : history) {
            sub |= op.f().equals(KafkaOps.SUBSCRIBE);
            txn |= op.f().equals(KafkaOps.TXN);
            if (op.f().equals(KafkaOps.ASSIGN)) {
                assigners.add(op.process());
            } else if (op.f().equals(KafkaOps.SUBSCRIBE)) {
                subscribers.add(op.process());
            }
            if (!op.type().isCompletion() || !isLogOp(op)) {
                continue;
            }
            for (KafkaOps.Send s : KafkaOps.sends(op)) {
                writerOf.computeIfAbsent(s.key(), k -> new LinkedHashMap<>()).putIfAbsent(s.value(), op);
            }
            if (op.type() == OpType.OK) {
                KafkaOps.reads(op).forEach((k, rs) -> {
                    for (KafkaOps.Read r : rs) {
                        okReads.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(r.value());
                        readersOf.computeIfAbsent(k, x -> new LinkedHashMap<>())
                                .computeIfAbsent(r.value(), x -> new ArrayList<>()).add(op);
                    }
                });
            }
        }
        this.subscribe = sub;
        assigners.removeAll(subscribers); // a process that ever subscribed may have been rebalanced
        this.transactional = txn;
        for (Op op : history) {
            if (!op.type().isCompletion() || !isLogOp(op)) {
                continue;
            }
            // Polls are always trusted, even in failed ops: pollers must emit safe data (C10).
            KafkaOps.reads(op).forEach((k, rs) -> rs.forEach(r -> order(k).add(r.offset(), r.value())));
            if (mustHaveCommitted(op)) {
                for (KafkaOps.Send s : KafkaOps.sends(op)) {
                    if (s.offset().isPresent()) {
                        order(s.key()).add(s.offset().getAsLong(), s.value());
                    }
                }
            }
        }
    }

    static boolean isLogOp(Op op) {
        return op.f().equals(KafkaOps.SEND) || op.f().equals(KafkaOps.POLL) || op.f().equals(KafkaOps.TXN);
    }

    VersionOrder order(Value key) {
        return orders.computeIfAbsent(key, k -> new VersionOrder());
    }

    /** Ok, or info with one of its sends proven visible by an ok poll. */
    boolean mustHaveCommitted(Op op) {
        if (op.type() == OpType.OK) {
            return true;
        }
        if (op.type() != OpType.INFO) {
            return false;
        }
        for (KafkaOps.Send s : KafkaOps.sends(op)) {
            if (okReads.getOrDefault(s.key(), Set.of()).contains(s.value())) {
                return true;
            }
        }
        return false;
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
