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
 * Ordering anomalies of FIDELITY C10: within one op (int-poll-skip, int-nonmonotonic-poll,
 * int-send-skip, int-nonmonotonic-send) and across successive ops of one process (poll-skip,
 * nonmonotonic-poll, nonmonotonic-send). Distances are in dense indices of the version order, which
 * is final only at the history's end (a lower offset learnt later moves an index): as ops arrive,
 * each pair of values a rule compares is kept, with the positions of its ops, and judged at the end.
 */
final class OrderChecks {
    /** Two values of a key the rule compares, seen by the ops at {@code op1} (-1: none) and {@code op2}. */
    private record Pair(AnomalyType skip, AnomalyType nonmonotonic, Value key, Value v1, Value v2, int op1, int op2) {
    }

    private final List<Pair> within = new ArrayList<>();
    private final List<Pair> pollsAcross = new ArrayList<>();
    private final List<Pair> sendsAcross = new ArrayList<>();
    /** process -> key -> the last value its latest ok poll of the key read (and that poll's position). */
    private final Map<Integer, Map<Value, Found.Candidate>> lastReads = new HashMap<>();
    /** process -> key -> the last value its latest ok send to the key sent (and that send's position). */
    private final Map<Integer, Map<Value, Found.Candidate>> lastSends = new HashMap<>();
    private final LogIndex index;

    /** Pairs share {@code index}'s key objects. */
    OrderChecks(LogIndex index) {
        this.index = index;
    }

    void accept(Op op) {
        acceptWithin(op);
        acceptPoll(op);
        acceptSend(op);
    }

    private void acceptWithin(Op op) {
        if (!op.type().isCompletion() || !LogIndex.isLogOp(op)) {
            return;
        }
        int pos = (int) op.index();
        if (op.type() == OpType.OK) {
            KafkaOps.reads(op).forEach((k, rs) -> {
                for (int i = 1; i < rs.size(); i++) {
                    within.add(new Pair(AnomalyType.INT_POLL_SKIP, AnomalyType.INT_NONMONOTONIC_POLL, index.key(k),
                            rs.get(i - 1).value(), rs.get(i).value(), -1, pos));
                }
            });
        }
        if (op.type() != OpType.FAIL) {
            Map<Value, Value> lastSent = new LinkedHashMap<>();
            for (KafkaOps.Send s : KafkaOps.sends(op)) {
                Value prev = lastSent.put(s.key(), s.value());
                if (prev != null) {
                    within.add(new Pair(AnomalyType.INT_SEND_SKIP, AnomalyType.INT_NONMONOTONIC_SEND, s.key(),
                            prev, s.value(), -1, pos));
                }
            }
        }
    }

    /** Per process: each ok poll of a key must start right after where the previous one ended. */
    private void acceptPoll(Op op) {
        Map<Value, Found.Candidate> last = lastReads.computeIfAbsent(op.process(), p -> new HashMap<>());
        if ((op.type() == OpType.INFO || op.type() == OpType.FAIL) && LogIndex.isLogOp(op)) {
            if (!op.f().equals(KafkaOps.SEND)) {
                // A poll that did not end ok may still have moved the consumer past records the
                // client never saw; where it stands is unknown, so the next poll starts afresh.
                last.clear();
            }
            return;
        }
        if (reassigned(op, last) || op.type() != OpType.OK || !LogIndex.isLogOp(op)) {
            return;
        }
        int pos = (int) op.index();
        KafkaOps.reads(op).forEach((k, rs) -> {
            if (rs.isEmpty()) {
                return;
            }
            Found.Candidate prev = last.get(k);
            if (prev != null) {
                pollsAcross.add(new Pair(AnomalyType.POLL_SKIP, AnomalyType.NONMONOTONIC_POLL, index.key(k), prev.value(),
                        rs.get(0).value(), prev.pos(), pos));
            }
            last.put(k, new Found.Candidate(index.key(k), rs.get(rs.size() - 1).value(), pos));
        });
    }

    /**
     * Per process: each ok or info send to a key must land after the process's previous ok send to
     * it, which completed before this one was invoked (FIDELITY C10 nonmonotonic-send).
     */
    private void acceptSend(Op op) {
        Map<Value, Found.Candidate> last = lastSends.computeIfAbsent(op.process(), p -> new HashMap<>());
        if (reassigned(op, last) || !(op.type() == OpType.OK || op.type() == OpType.INFO)
                || !LogIndex.isLogOp(op)) {
            return;
        }
        int pos = (int) op.index();
        Map<Value, Value> firstInOp = new LinkedHashMap<>();
        Map<Value, Value> lastInOp = new LinkedHashMap<>();
        for (KafkaOps.Send s : KafkaOps.sends(op)) {
            firstInOp.putIfAbsent(s.key(), s.value());
            lastInOp.put(s.key(), s.value());
        }
        firstInOp.forEach((k, v) -> {
            Found.Candidate prev = last.get(k);
            if (prev != null) {
                sendsAcross.add(new Pair(null, AnomalyType.NONMONOTONIC_SEND, index.key(k), prev.value(), v, prev.pos(),
                        pos));
            }
        });
        if (op.type() == OpType.INFO) {
            // An unknown outcome may take effect at any time after its invocation, so it bounds
            // nothing the process sends later. Jepsen never reuses the process id after an info,
            // so this changes nothing there; Preparer accepts histories that do reuse it.
            return;
        }
        lastInOp.forEach((k, v) -> last.put(k, new Found.Candidate(index.key(k), v, pos)));
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

    /** The anomalies, once the version order is final: within ops, then polls across, then sends across. */
    void judge(Analysis a, List<Found> out) {
        for (Pair p : within) {
            pair(a, p, out);
        }
        for (Pair p : pollsAcross) {
            pair(a, p, out);
        }
        for (Pair p : sendsAcross) {
            int i = a.indexOf(p.key(), p.v1());
            int j = a.indexOf(p.key(), p.v2());
            if (i >= 0 && j >= 0 && j - i < 1) {
                out.add(new Found(AnomalyType.NONMONOTONIC_SEND, p.key(), List.of(p.v1(), p.v2()),
                        "landed at index " + j + ", not after the previous send at " + i, ops(p)));
            }
        }
    }

    private static int[] ops(Pair p) {
        return p.op1() < 0 ? new int[] {p.op2()} : new int[] {p.op1(), p.op2()};
    }

    private static void pair(Analysis a, Pair p, List<Found> out) {
        Value k = p.key();
        int i = a.indexOf(k, p.v1());
        int j = a.indexOf(k, p.v2());
        if (i < 0 || j < 0) {
            return;
        }
        int delta = j - i;
        if (delta > 1) {
            List<Value> skipped = new ArrayList<>(a.orders.get(k).between(i, j));
            skipped.removeIf(v -> a.compacted(k, v)); // the cleaner's gaps are not skips (C8.4)
            if (skipped.isEmpty()) {
                return;
            }
            out.add(new Found(p.skip(), k, List.of(p.v1(), p.v2()),
                    "skipped " + skipped.size() + " value(s) " + skipped + " between them", ops(p)));
        } else if (delta < 1) {
            out.add(new Found(p.nonmonotonic(), k, List.of(p.v1(), p.v2()), "went from index " + i + " to " + j,
                    ops(p)));
        }
    }
}
