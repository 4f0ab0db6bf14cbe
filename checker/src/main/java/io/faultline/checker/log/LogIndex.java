package io.faultline.checker.log;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Kafka checks need from a history, gathered op by op as it is recorded (issue 18): who
 * wrote each value and which ok ops read it, as op positions and ranks, never as ops; each key's
 * sightings of values at offsets; and the few facts per op that the transactional checks use. What
 * needs the whole history (the final version order, whether an info send committed) is decided by
 * {@link #seal}. A rank is an op's position shifted left by {@link #SEQ_BITS}, plus the place of a
 * micro-op within the op (its reads first, then its sends), so that ranks order sightings as the
 * history does.
 */
final class LogIndex {
    static final int SEQ_BITS = 24;

    boolean subscribe;
    boolean transactional;
    final Set<Integer> processes = new TreeSet<>();
    final Set<Integer> subscribers = new TreeSet<>();
    /** Processes that ever assigned themselves partitions (whether they also subscribed is settled at the end). */
    final Set<Integer> assigned = new TreeSet<>();
    final OpTable table = new OpTable();
    /** key -> value -> the position of the first completion that sent it. */
    final Map<Value, Map<Value, Integer>> writerOf = new LinkedHashMap<>();
    /** key -> value -> the rank of every read of it by an ok op; the keys of each map are the ok reads. */
    final Map<Value, Map<Value, Longs>> readersOf = new LinkedHashMap<>();
    final Map<Value, VersionOrder> orders = new HashMap<>();
    /** The sends of info completions: committed, and then in the version order, only if some ok op read one. */
    final Map<Integer, InfoSends> infoSends = new HashMap<>();
    private final List<Integer> infoOrder = new ArrayList<>();
    /** An ok txn that read its own send: key, value, position. */
    final List<Found.Candidate> precommitted = new ArrayList<>();
    /** Sends of ok ops not (yet) known to be read, in history order: the unseen candidates. */
    List<Found.Candidate> okSends = new ArrayList<>();
    private int okSendsKept = 4096;
    /** Per ok op with reads, per key: the last value it read (G1b's reader side). */
    final List<Found.Candidate> lastReads = new ArrayList<>();
    /** Per committed-or-unknown op, per key it sent to more than once: the last value it sent (G1b's writer side). */
    final List<Found.Candidate> lastSends = new ArrayList<>();
    private final Longs lastSendsAt = new Longs();
    /** One object per key: the candidates kept for every op share it instead of each op's own copy. */
    private final Map<Value, Value> keys = new HashMap<>();

    /** The sends of an info completion, and the rank of its first send (after the op's reads). */
    record InfoSends(long firstRank, List<KafkaOps.Send> sends) {
    }

    void accept(Op op) {
        int pos = (int) op.index();
        processes.add(op.process());
        subscribe |= op.f().equals(KafkaOps.SUBSCRIBE);
        transactional |= op.f().equals(KafkaOps.TXN);
        if (op.f().equals(KafkaOps.ASSIGN)) {
            assigned.add(op.process());
        } else if (op.f().equals(KafkaOps.SUBSCRIBE)) {
            subscribers.add(op.process());
        }
        if (!op.type().isCompletion() || !isLogOp(op)) {
            return;
        }
        table.add(op);
        List<KafkaOps.Send> sends = KafkaOps.sends(op);
        Map<Value, List<KafkaOps.Read>> reads = KafkaOps.reads(op);
        for (KafkaOps.Send s : sends) {
            writerOf.computeIfAbsent(s.key(), k -> new LinkedHashMap<>()).putIfAbsent(s.value(), pos);
        }
        long rank = (long) pos << SEQ_BITS;
        // Polls are always trusted, even in failed ops: pollers must emit safe data (C10).
        for (Map.Entry<Value, List<KafkaOps.Read>> e : reads.entrySet()) {
            for (KafkaOps.Read r : e.getValue()) {
                order(e.getKey()).add(r.offset(), rank, r.value());
                if (op.type() == OpType.OK) {
                    readersOf.computeIfAbsent(e.getKey(), x -> new LinkedHashMap<>())
                            .computeIfAbsent(r.value(), x -> new Longs()).add(rank);
                }
                rank++;
            }
        }
        if (op.type() == OpType.OK) {
            for (KafkaOps.Send s : sends) {
                if (s.offset().isPresent()) {
                    order(s.key()).add(s.offset().getAsLong(), rank, s.value());
                }
                rank++;
                okSends.add(new Found.Candidate(key(s.key()), s.value(), pos));
            }
            pruneRead();
            gatherTxnInputs(op, pos, sends, reads);
        } else if (op.type() == OpType.INFO && !sends.isEmpty()) {
            infoSends.put(pos, new InfoSends(rank, sends));
            infoOrder.add(pos);
            gatherTxnInputs(op, pos, sends, Map.of());
        }
    }

    private void gatherTxnInputs(Op op, int pos, List<KafkaOps.Send> sends, Map<Value, List<KafkaOps.Read>> reads) {
        reads.forEach((k, rs) -> {
            if (!rs.isEmpty()) {
                lastReads.add(new Found.Candidate(key(k), rs.get(rs.size() - 1).value(), pos));
            }
        });
        // Only a key the op sent to twice can have its read stop on a value the op then overwrote.
        Map<Value, Value> lastSent = new LinkedHashMap<>();
        Map<Value, Boolean> twice = new HashMap<>();
        for (KafkaOps.Send s : sends) {
            twice.put(s.key(), lastSent.put(s.key(), s.value()) != null || twice.getOrDefault(s.key(), false));
        }
        lastSent.forEach((k, v) -> {
            if (twice.get(k)) {
                lastSends.add(new Found.Candidate(k, v, pos));
                lastSendsAt.add(pos);
            }
        });
        if (op.f().equals(KafkaOps.TXN)) {
            for (KafkaOps.Send s : sends) {
                for (KafkaOps.Read r : reads.getOrDefault(s.key(), List.of())) {
                    if (r.value().equals(s.value())) {
                        precommitted.add(new Found.Candidate(s.key(), s.value(), pos));
                    }
                }
            }
        }
    }

    /** Drops the sends some ok op has read since: they can no longer be unseen. Linear over the run. */
    private void pruneRead() {
        if (okSends.size() <= 2 * okSendsKept) {
            return;
        }
        List<Found.Candidate> kept = new ArrayList<>();
        for (Found.Candidate c : okSends) {
            if (!okRead(c.key(), c.value())) {
                kept.add(c);
            }
        }
        okSends = kept;
        okSendsKept = Math.max(4096, kept.size());
    }

    boolean okRead(Value key, Value value) {
        Map<Value, Longs> byValue = readersOf.get(key);
        return byValue != null && byValue.containsKey(value);
    }

    /**
     * The last value {@code pos} sent to {@code key} if it sent to it more than once and committed or
     * may have; otherwise null (its one send to the key is the value it wrote).
     */
    Value lastSent(int pos, Value key) {
        Value out = null;
        for (int i = lowerBound(pos); i < lastSendsAt.size() && lastSendsAt.get(i) == pos; i++) {
            Found.Candidate c = lastSends.get(i);
            if (c.key().equals(key)) {
                out = c.value();
            }
        }
        return out;
    }

    private int lowerBound(int pos) {
        int lo = 0;
        int hi = lastSendsAt.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lastSendsAt.get(mid) < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The one object for this key. */
    Value key(Value k) {
        Value known = keys.putIfAbsent(k, k);
        return known == null ? k : known;
    }

    static boolean isLogOp(Op op) {
        return op.f().equals(KafkaOps.SEND) || op.f().equals(KafkaOps.POLL) || op.f().equals(KafkaOps.TXN);
    }

    private VersionOrder order(Value key) {
        return orders.computeIfAbsent(key, k -> new VersionOrder());
    }

    /**
     * The final view: info sends proven committed (an ok op read one of them) join the version order
     * at their op's place, and every key's order is indexed. This index keeps accumulating.
     */
    Analysis seal(Map<Value, Map<Value, Value>> recordKeys) {
        Map<Value, List<VersionOrder.Sighting>> late = new HashMap<>();
        for (int pos : infoOrder) {
            InfoSends info = infoSends.get(pos);
            if (!committedInfo(info.sends())) {
                continue;
            }
            long rank = info.firstRank();
            for (KafkaOps.Send s : info.sends()) {
                if (s.offset().isPresent()) {
                    late.computeIfAbsent(s.key(), k -> new ArrayList<>())
                            .add(new VersionOrder.Sighting(s.offset().getAsLong(), rank, s.value()));
                }
                rank++;
            }
        }
        List<Map.Entry<Long, Value>> keys = new ArrayList<>();
        orders.forEach((k, o) -> keys.add(Map.entry(firstRank(o, late.get(k)), k)));
        late.forEach((k, l) -> {
            if (!orders.containsKey(k)) {
                keys.add(Map.entry(firstRank(null, l), k));
            }
        });
        keys.sort(Map.Entry.comparingByKey());
        Map<Value, VersionOrder> sealed = new LinkedHashMap<>();
        for (Map.Entry<Long, Value> e : keys) {
            VersionOrder o = orders.getOrDefault(e.getValue(), new VersionOrder());
            sealed.put(e.getValue(), o.sealedWith(late.getOrDefault(e.getValue(), List.of())));
        }
        return new Analysis(this, sealed, recordKeys);
    }

    private static long firstRank(VersionOrder o, List<VersionOrder.Sighting> late) {
        long r = o == null ? Long.MAX_VALUE : o.firstRank();
        for (VersionOrder.Sighting s : late == null ? List.<VersionOrder.Sighting>of() : late) {
            r = Math.min(r, s.rank());
        }
        return r;
    }

    /** An info op committed if an ok op read one of its sends. */
    boolean committedInfo(List<KafkaOps.Send> sends) {
        for (KafkaOps.Send s : sends) {
            if (okRead(s.key(), s.value())) {
                return true;
            }
        }
        return false;
    }
}
