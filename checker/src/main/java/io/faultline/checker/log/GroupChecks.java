package io.faultline.checker.log;

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
 * Consumer-group anomalies (FIDELITY C7.7): what the group as a whole, every process that
 * {@code :subscribe}d, was handed, per key. Jepsen judges polls per process and, with subscribe,
 * allows a process's polls to skip or repeat (a rebalance moved the key); these checks judge the
 * group, in Jepsen's words with a {@code group-} prefix:
 * <ul>
 *   <li>{@code group-nonmonotonic-poll}: the group was handed a value more than once (a redelivery
 *       across a rebalance or a restart). At-least-once delivery, which every commit mode that
 *       commits after processing gives, allows it: reported, never a violation.</li>
 *   <li>{@code group-poll-skip}: below the highest offset the group read, a value that is in the log
 *       (some ok poll read it) was handed to no member: a commit moved past records nobody
 *       processed. Forbidden: at-least-once delivery loses nothing.</li>
 * </ul>
 * The group is every process that subscribed and every process that never said how it consumes
 * (it may be a member); only a process that assigned itself is surely outside. Values a log
 * anomaly already explains (several values at one offset) are left to it.
 */
final class GroupChecks {
    private GroupChecks() {
    }

    static void check(Analysis a, List<Anomaly> out) {
        Set<Integer> subscribed = new TreeSet<>();
        Set<Integer> assigned = new TreeSet<>();
        for (Op op : a.history) {
            if (op.f().equals(KafkaOps.SUBSCRIBE)) {
                subscribed.add(op.process());
            } else if (op.f().equals(KafkaOps.ASSIGN)) {
                assigned.add(op.process());
            }
        }
        if (subscribed.isEmpty()) {
            return;
        }
        // Only a process that assigned itself is surely outside the group: one that never said
        // how it consumes may be a member, so its reads count for the group (no false skip).
        Set<Integer> members = new TreeSet<>();
        for (Op op : a.history) {
            if (!assigned.contains(op.process()) || subscribed.contains(op.process())) {
                members.add(op.process());
            }
        }
        Map<Value, Map<Value, List<Op>>> handed = new LinkedHashMap<>();
        for (Op op : a.history) {
            if (op.type() == OpType.OK && members.contains(op.process()) && op.f().equals(KafkaOps.POLL)) {
                // One op reading a value twice is the log's duplicate, not a second delivery: ops count once.
                KafkaOps.reads(op).forEach((k, rs) -> rs.forEach(r -> {
                    List<Op> readers = handed.computeIfAbsent(k, x -> new LinkedHashMap<>())
                            .computeIfAbsent(r.value(), x -> new ArrayList<>());
                    if (readers.isEmpty() || readers.get(readers.size() - 1) != op) {
                        readers.add(op);
                    }
                }));
            }
        }
        handed.forEach((k, byValue) -> {
            redeliveries(k, byValue, out);
            skips(a, k, byValue, out);
        });
    }

    private static void redeliveries(Value k, Map<Value, List<Op>> byValue, List<Anomaly> out) {
        List<Value> again = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        byValue.forEach((v, readers) -> {
            if (readers.size() > 1) {
                again.add(v);
                if (ops.isEmpty()) {
                    ops.addAll(readers.subList(0, 2));
                }
            }
        });
        if (!again.isEmpty()) {
            out.add(new Anomaly(AnomalyType.GROUP_NONMONOTONIC_POLL, k, again, again.size()
                    + " value(s) handed to the group more than once (at-least-once redelivery)", ops));
        }
    }

    private static void skips(Analysis a, Value k, Map<Value, List<Op>> byValue, List<Anomaly> out) {
        VersionOrder order = a.orders.get(k);
        if (order == null) {
            return;
        }
        Set<Value> conflicted = new LinkedHashSet<>();
        order.conflicts().values().forEach(conflicted::addAll);
        int top = -1;
        Value topValue = null;
        for (Value v : byValue.keySet()) {
            int i = order.firstIndex(v).orElse(-1);
            if (i > top) {
                top = i;
                topValue = v;
            }
        }
        List<Value> skipped = new ArrayList<>();
        for (Value v : order.lastAtOrBelow(top)) {
            if (!byValue.containsKey(v) && !conflicted.contains(v) && !a.compacted(k, v)
                    && a.okReads.getOrDefault(k, Set.of()).contains(v)) {
                skipped.add(v);
            }
        }
        if (!skipped.isEmpty()) {
            List<Op> ops = new ArrayList<>(a.readersOf.get(k).get(skipped.get(0)).subList(0, 1));
            ops.add(byValue.get(topValue).get(0));
            out.add(new Anomaly(AnomalyType.GROUP_POLL_SKIP, k, skipped, skipped.size()
                    + " value(s) in the log below index " + top + " that no group member was handed", ops));
        }
    }
}
