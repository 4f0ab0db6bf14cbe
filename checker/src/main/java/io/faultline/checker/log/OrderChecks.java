package io.faultline.checker.log;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ordering anomalies of FIDELITY C10: within one op (int-poll-skip, int-nonmonotonic-poll,
 * int-send-skip, int-nonmonotonic-send) and across successive ops of one process (poll-skip,
 * nonmonotonic-poll, nonmonotonic-send). Distances are in dense indices of the version order.
 */
final class OrderChecks {
    private OrderChecks() {
    }

    static void within(Analysis a, List<Anomaly> out) {
        for (Op op : a.history) {
            if (!op.type().isCompletion() || !Analysis.isLogOp(op)) {
                continue;
            }
            if (op.type() == OpType.OK) {
                KafkaOps.reads(op).forEach((k, rs) -> {
                    for (int i = 1; i < rs.size(); i++) {
                        pair(a, k, rs.get(i - 1).value(), rs.get(i).value(), List.of(op), out,
                                AnomalyType.INT_POLL_SKIP, AnomalyType.INT_NONMONOTONIC_POLL);
                    }
                });
            }
            if (op.type() != OpType.FAIL) {
                Map<Value, Value> lastSent = new LinkedHashMap<>();
                for (KafkaOps.Send s : KafkaOps.sends(op)) {
                    Value prev = lastSent.put(s.key(), s.value());
                    if (prev != null) {
                        pair(a, s.key(), prev, s.value(), List.of(op), out,
                                AnomalyType.INT_SEND_SKIP, AnomalyType.INT_NONMONOTONIC_SEND);
                    }
                }
            }
        }
    }

    /** Per process: each ok poll of a key must start right after where the previous one ended. */
    static void pollsAcross(Analysis a, List<Anomaly> out) {
        Map<Integer, Map<Value, Op>> lastReads = new LinkedHashMap<>();
        for (Op op : a.history) {
            Map<Value, Op> last = lastReads.computeIfAbsent(op.process(), p -> new LinkedHashMap<>());
            if ((op.type() == OpType.INFO || op.type() == OpType.FAIL) && Analysis.isLogOp(op)) {
                if (!op.f().equals(KafkaOps.SEND)) {
                    // A poll that did not end ok may still have moved the consumer past records the
                    // client never saw; where it stands is unknown, so the next poll starts afresh.
                    last.clear();
                }
                continue;
            }
            if (reassigned(op, last) || op.type() != OpType.OK || !Analysis.isLogOp(op)) {
                continue;
            }
            Map<Value, List<KafkaOps.Read>> reads = KafkaOps.reads(op);
            reads.forEach((k, rs) -> {
                Op prev = last.get(k);
                if (prev != null && !rs.isEmpty()) {
                    List<KafkaOps.Read> prevReads = KafkaOps.reads(prev).get(k);
                    pair(a, k, prevReads.get(prevReads.size() - 1).value(), rs.get(0).value(),
                            List.of(prev, op), out, AnomalyType.POLL_SKIP, AnomalyType.NONMONOTONIC_POLL);
                }
                if (!rs.isEmpty()) {
                    last.put(k, op);
                }
            });
        }
    }

    /**
     * Per process: each ok or info send to a key must land after the process's previous ok send to
     * it, which completed before this one was invoked (FIDELITY C10 nonmonotonic-send).
     */
    static void sendsAcross(Analysis a, List<Anomaly> out) {
        Map<Integer, Map<Value, Value>> lastSends = new LinkedHashMap<>();
        Map<Integer, Map<Value, Op>> lastOps = new LinkedHashMap<>();
        for (Op op : a.history) {
            Map<Value, Value> last = lastSends.computeIfAbsent(op.process(), p -> new LinkedHashMap<>());
            Map<Value, Op> lastOp = lastOps.computeIfAbsent(op.process(), p -> new LinkedHashMap<>());
            if (reassigned(op, last) || !(op.type() == OpType.OK || op.type() == OpType.INFO)
                    || !Analysis.isLogOp(op)) {
                continue;
            }
            Map<Value, Value> firstInOp = new LinkedHashMap<>();
            Map<Value, Value> lastInOp = new LinkedHashMap<>();
            for (KafkaOps.Send s : KafkaOps.sends(op)) {
                firstInOp.putIfAbsent(s.key(), s.value());
                lastInOp.put(s.key(), s.value());
            }
            firstInOp.forEach((k, v) -> {
                Value prev = last.get(k);
                if (prev != null) {
                    int i = a.indexOf(k, prev);
                    int j = a.indexOf(k, v);
                    if (i >= 0 && j >= 0 && j - i < 1) {
                        out.add(new Anomaly(AnomalyType.NONMONOTONIC_SEND, k, List.of(prev, v),
                                "landed at index " + j + ", not after the previous send at " + i,
                                List.of(lastOp.get(k), op)));
                    }
                }
            });
            if (op.type() == OpType.INFO) {
                // An unknown outcome may take effect at any time after its invocation, so it bounds
                // nothing the process sends later. Jepsen never reuses the process id after an info,
                // so this changes nothing there; Preparer accepts histories that do reuse it.
                continue;
            }
            lastInOp.forEach((k, v) -> {
                last.put(k, v);
                lastOp.put(k, op);
            });
        }
    }

    /** On a completed assign/subscribe, forgets the keys no longer held; true if op was one. */
    private static boolean reassigned(Op op, Map<Value, ?> last) {
        if (!op.f().equals(KafkaOps.ASSIGN) && !op.f().equals(KafkaOps.SUBSCRIBE)) {
            return false;
        }
        if (op.type() == OpType.OK || op.type() == OpType.INFO) {
            last.keySet().retainAll(KafkaOps.keys(op));
        }
        return true;
    }

    private static void pair(Analysis a, Value k, Value v1, Value v2, List<Op> ops, List<Anomaly> out,
                             AnomalyType skip, AnomalyType nonmonotonic) {
        int i = a.indexOf(k, v1);
        int j = a.indexOf(k, v2);
        if (i < 0 || j < 0) {
            return;
        }
        int delta = j - i;
        if (delta > 1) {
            List<Value> skipped = new java.util.ArrayList<>(a.orders.get(k).between(i, j));
            skipped.removeIf(v -> a.compacted(k, v)); // the cleaner's gaps are not skips (C8.4)
            if (skipped.isEmpty()) {
                return;
            }
            out.add(new Anomaly(skip, k, List.of(v1, v2),
                    "skipped " + skipped.size() + " value(s) " + skipped + " between them", ops));
        } else if (delta < 1) {
            out.add(new Anomaly(nonmonotonic, k, List.of(v1, v2),
                    "went from index " + i + " to " + j, ops));
        }
    }
}
