package io.faultline.bench;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Jepsen-like {@code :txn} histories of a correct transactional Kafka under {@code read_committed}:
 * concurrent transactions append their sends when invoked and commit when they complete; a poll
 * reads up to 8 records of each key from where its process stood, stopping at the first record not
 * yet committed (the last stable offset). Concurrent appends interleave, so the dependency graph has
 * the cycles Kafka allows (FIDELITY C12.4) and large strongly connected components. At the end every
 * transaction completes and one reader drains every key, so nothing is left unseen.
 */
final class TxnHistories {
    private record Rec(long value, int txn) {
    }

    private final SplittableRandom rnd;
    private final HistoryBuilder h = new HistoryBuilder();
    private final List<List<Rec>> logs = new ArrayList<>();
    private final List<Boolean> committed = new ArrayList<>();
    private final long[][] pos;
    private final List<Value>[] pendingSends;
    private final boolean[] polls;
    private final int[] txnOf;
    private long value;
    private long t;

    @SuppressWarnings("unchecked")
    private TxnHistories(long seed, int keys, int processes) {
        rnd = new SplittableRandom(seed);
        for (int k = 0; k < keys; k++) {
            logs.add(new ArrayList<>());
        }
        pos = new long[processes + 1][keys];
        pendingSends = new List[processes + 1];
        polls = new boolean[processes + 1];
        txnOf = new int[processes + 1];
    }

    /** About {@code ops} invocations and completions over {@code keys} keys and {@code processes} clients. */
    static History readCommitted(long seed, int ops, int keys, int processes) {
        TxnHistories w = new TxnHistories(seed, keys, processes);
        for (int step = 0; step < ops; step++) {
            int p = w.rnd.nextInt(processes);
            if (w.pendingSends[p] == null) {
                w.invoke(p);
            } else {
                w.complete(p, 8);
            }
        }
        for (int p = 0; p < processes; p++) {
            if (w.pendingSends[p] != null) {
                w.complete(p, 8);
            }
        }
        w.pendingSends[processes] = List.of();
        w.polls[processes] = true;
        w.txnOf[processes] = w.committed.size();
        w.committed.add(true);
        w.h.invoke(processes, KafkaOps.POLL, Value.vec(Value.vec(Value.kw(KafkaOps.POLL))), w.t++);
        w.complete(processes, Integer.MAX_VALUE);
        return w.h.build();
    }

    private void invoke(int p) {
        int txn = committed.size();
        committed.add(false);
        txnOf[p] = txn;
        polls[p] = rnd.nextBoolean();
        List<Value> invoke = new ArrayList<>();
        List<Value> sent = new ArrayList<>();
        if (polls[p]) {
            invoke.add(Value.vec(Value.kw(KafkaOps.POLL)));
        }
        int sends = polls[p] ? rnd.nextInt(3) : 1 + rnd.nextInt(3);
        for (int i = 0; i < sends; i++) {
            int k = rnd.nextInt(logs.size());
            long v = ++value;
            logs.get(k).add(new Rec(v, txn));
            invoke.add(Value.vec(Value.kw(KafkaOps.SEND), Value.of(k), Value.of(v)));
            sent.add(Value.vec(Value.kw(KafkaOps.SEND), Value.of(k),
                    Value.vec(Value.of(logs.get(k).size() - 1), Value.of(v))));
        }
        pendingSends[p] = sent;
        h.invoke(p, f(polls[p], sends), Value.vec(invoke), t++);
    }

    /** Completes {@code p}'s transaction ok: its poll reads up to {@code maxPerKey} records a key. */
    private void complete(int p, int maxPerKey) {
        List<Value> done = new ArrayList<>();
        if (polls[p]) {
            Map<Value, Value> read = new LinkedHashMap<>();
            for (int k = 0; k < logs.size(); k++) {
                List<Value> records = new ArrayList<>();
                List<Rec> log = logs.get(k);
                int max = maxPerKey == Integer.MAX_VALUE ? maxPerKey : 1 + rnd.nextInt(maxPerKey);
                while (pos[p][k] < log.size() && records.size() < max
                        && committed.get(log.get((int) pos[p][k]).txn())) {
                    Rec r = log.get((int) pos[p][k]);
                    records.add(Value.vec(Value.of(pos[p][k]), Value.of(r.value())));
                    pos[p][k]++;
                }
                read.put(Value.of(k), Value.vec(records));
            }
            done.add(Value.vec(Value.kw(KafkaOps.POLL), new Value.MapV(read)));
        }
        done.addAll(pendingSends[p]);
        committed.set(txnOf[p], true);
        h.complete(p, OpType.OK, f(polls[p], pendingSends[p].size()), Value.vec(done), t++);
        pendingSends[p] = null;
    }

    private static String f(boolean polls, int sends) {
        return polls && sends > 0 ? KafkaOps.TXN : polls ? KafkaOps.POLL : KafkaOps.SEND;
    }
}
