package io.faultline.checker.log;

import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * anomaly already explains (several values at one offset) are left to it. Who is a member is known
 * only at the end, so the hand-outs are taken then from the ok reads' ranks
 * ({@link LogIndex#readersOf}), in the order the history made them.
 */
final class GroupChecks {
    /** A value handed to the group: the rank of its first hand-out and the positions of the polls that handed it. */
    private record Handed(Value value, long firstRank, List<Integer> polls) {
    }

    private GroupChecks() {
    }

    static void check(Analysis a, List<Found> out) {
        if (a.index.subscribers.isEmpty()) {
            return;
        }
        // Only a process that assigned itself is surely outside the group: one that never said
        // how it consumes may be a member, so its reads count for the group (no false skip).
        List<List<Handed>> byKey = new ArrayList<>();
        List<Value> keys = new ArrayList<>();
        a.index.readersOf.forEach((k, byValue) -> {
            List<Handed> handed = new ArrayList<>();
            byValue.forEach((v, ranks) -> {
                List<Integer> polls = new ArrayList<>();
                long first = -1;
                for (int i = 0; i < ranks.size(); i++) {
                    int pos = Analysis.position(ranks.get(i));
                    int row = a.index.table.row(pos);
                    if (a.index.table.f(row) != OpTable.POLL || a.assigners.contains(a.index.table.process(row))) {
                        continue;
                    }
                    // One op reading a value twice is the log's duplicate, not a second delivery: ops count once.
                    if (polls.isEmpty()) {
                        first = ranks.get(i);
                        polls.add(pos);
                    } else if (polls.get(polls.size() - 1) != pos) {
                        polls.add(pos);
                    }
                }
                if (!polls.isEmpty()) {
                    handed.add(new Handed(v, first, polls));
                }
            });
            if (!handed.isEmpty()) {
                handed.sort(Comparator.comparingLong(Handed::firstRank));
                byKey.add(handed);
                keys.add(k);
            }
        });
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> byKey.get(i).get(0).firstRank()));
        for (int i : order) {
            Map<Value, List<Integer>> byValue = new LinkedHashMap<>();
            for (Handed h : byKey.get(i)) {
                byValue.put(h.value(), h.polls());
            }
            redeliveries(keys.get(i), byValue, out);
            skips(a, keys.get(i), byValue, out);
        }
    }

    private static void redeliveries(Value k, Map<Value, List<Integer>> byValue, List<Found> out) {
        List<Value> again = new ArrayList<>();
        List<Integer> ops = new ArrayList<>();
        byValue.forEach((v, readers) -> {
            if (readers.size() > 1) {
                again.add(v);
                if (ops.isEmpty()) {
                    ops.addAll(readers.subList(0, 2));
                }
            }
        });
        if (!again.isEmpty()) {
            out.add(new Found(AnomalyType.GROUP_NONMONOTONIC_POLL, k, again, again.size()
                    + " value(s) handed to the group more than once (at-least-once redelivery)", Found.positions(ops)));
        }
    }

    private static void skips(Analysis a, Value k, Map<Value, List<Integer>> byValue, List<Found> out) {
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
            if (!byValue.containsKey(v) && !conflicted.contains(v) && !a.compacted(k, v) && a.okReads(k).contains(v)) {
                skipped.add(v);
            }
        }
        if (!skipped.isEmpty()) {
            int firstReader = Analysis.position(a.readers(k, skipped.get(0)).first());
            out.add(new Found(AnomalyType.GROUP_POLL_SKIP, k, skipped, skipped.size()
                    + " value(s) in the log below index " + top + " that no group member was handed",
                    new int[] {firstReader, byValue.get(topValue).get(0)}));
        }
    }
}
