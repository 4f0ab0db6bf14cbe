package io.faultline.checker.log;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * Transactional Kafka histories in Jepsen's {@code :txn} shape: a serial run of transactions that
 * poll everything committed and then send (no anomaly can arise), and rings of concurrent
 * transactions planted into it, whose dependencies close a G0 or G1c cycle (FIDELITY C12.4).
 */
final class TxnWorld {
    /** Keys the serial run uses; rings use keys from {@link #RING_KEYS} on. */
    static final int KEYS = 3;
    static final int RING_KEYS = 100;

    private final HistoryBuilder h = new HistoryBuilder();
    private final Map<Long, TreeMap<Long, Long>> logs = new TreeMap<>();
    /** process -> key -> next offset to read. */
    private final Map<Integer, Map<Long, Long>> positions = new TreeMap<>();
    private long nextValue = 1;
    private long time;

    private TreeMap<Long, Long> log(long key) {
        return logs.computeIfAbsent(key, k -> new TreeMap<>());
    }

    private long append(long key, long value) {
        TreeMap<Long, Long> log = log(key);
        long o = log.isEmpty() ? 0 : log.lastKey() + 1;
        log.put(o, value);
        return o;
    }

    /** A commit marker takes an offset of each partition the transaction wrote (FIDELITY C12). */
    private void marker(long key) {
        TreeMap<Long, Long> log = log(key);
        log.put(log.lastKey() + 1, -1L);
    }

    /** One serial transaction of {@code process}: poll all it has not read, then send to {@code keys}. */
    void serial(int process, boolean polls, List<Long> keys) {
        List<Value> invoke = new ArrayList<>();
        List<Value> done = new ArrayList<>();
        if (polls) {
            invoke.add(Value.vec(Value.kw(KafkaOps.POLL)));
            done.add(poll(process, List.copyOf(logs.keySet())));
        }
        for (long k : keys) {
            long v = nextValue++;
            invoke.add(send(k, Value.of(v)));
            done.add(send(k, Value.vec(Value.of(append(k, v)), Value.of(v))));
        }
        keys.stream().distinct().forEach(this::marker);
        if (invoke.isEmpty()) {
            return;
        }
        String f = f(polls, keys.size());
        h.invoke(process, f, Value.vec(invoke), time++);
        h.complete(process, OpType.OK, f, Value.vec(done), time++);
    }

    /** A poll micro-op's completion: every record of {@code keys} from the process's position. */
    private Value poll(int process, List<Long> keys) {
        Map<Long, Long> pos = positions.computeIfAbsent(process, p -> new TreeMap<>());
        Map<Value, Value> read = new LinkedHashMap<>();
        for (long k : keys) {
            List<Value> records = new ArrayList<>();
            for (Map.Entry<Long, Long> e : log(k).tailMap(pos.getOrDefault(k, 0L), true).entrySet()) {
                if (e.getValue() >= 0) {
                    records.add(Value.vec(Value.of(e.getKey()), Value.of(e.getValue())));
                }
                pos.put(k, e.getKey() + 1);
            }
            if (!records.isEmpty()) {
                read.put(Value.of(k), Value.vec(records));
            }
        }
        return Value.vec(Value.kw(KafkaOps.POLL), new Value.MapV(read));
    }

    private static Value send(long key, Value v) {
        return Value.vec(Value.kw(KafkaOps.SEND), Value.of(key), v);
    }

    /**
     * A ring of {@code m} concurrent transactions on fresh processes from {@code firstProcess}: with
     * {@code readRing}, each sends to its own key and reads its predecessor's (a G1c cycle of
     * write-read edges); otherwise each sends to its own key after its predecessor and to its
     * successor's key first (a G0 cycle of write-write edges). Returns the ring's processes.
     */
    List<Integer> ring(int firstProcess, int m, boolean readRing) {
        List<Integer> procs = new ArrayList<>();
        List<List<Value>> invokes = new ArrayList<>();
        List<List<Value>> dones = new ArrayList<>();
        long[] values = new long[m];
        for (int i = 0; i < m; i++) {
            procs.add(firstProcess + i);
            invokes.add(new ArrayList<>());
            dones.add(new ArrayList<>());
            values[i] = nextValue++;
        }
        long base = RING_KEYS + 10L * firstProcess;
        if (readRing) {
            for (int i = 0; i < m; i++) {
                long o = append(base + i, values[i]);
                invokes.get(i).add(send(base + i, Value.of(values[i])));
                dones.get(i).add(send(base + i, Value.vec(Value.of(o), Value.of(values[i]))));
            }
            for (int i = 0; i < m; i++) {
                int prev = (i + m - 1) % m;
                invokes.get(i).add(Value.vec(Value.kw(KafkaOps.POLL)));
                dones.get(i).add(Value.vec(Value.kw(KafkaOps.POLL), new Value.MapV(Map.of(Value.of(base + prev),
                        Value.vec(Value.vec(Value.of(0), Value.of(values[prev])))))));
            }
        } else {
            // T(i) sends to key i+1 first, then to key i after T(i-1) did.
            long[] second = new long[m];
            for (int i = 0; i < m; i++) {
                second[i] = nextValue++;
                long k = base + (i + 1) % m;
                long o = append(k, second[i]);
                invokes.get(i).add(send(k, Value.of(second[i])));
                dones.get(i).add(send(k, Value.vec(Value.of(o), Value.of(second[i]))));
            }
            for (int i = 0; i < m; i++) {
                long o = append(base + i, values[i]);
                invokes.get(i).add(send(base + i, Value.of(values[i])));
                dones.get(i).add(send(base + i, Value.vec(Value.of(o), Value.of(values[i]))));
            }
        }
        String f = KafkaOps.TXN;
        for (int i = 0; i < m; i++) {
            h.invoke(procs.get(i), f, Value.vec(invokes.get(i)), time++);
        }
        for (int i = 0; i < m; i++) {
            h.complete(procs.get(i), OpType.OK, f, Value.vec(dones.get(i)), time++);
        }
        for (int i = 0; i < m; i++) {
            marker(base + i);
        }
        return procs;
    }

    /**
     * A concurrent run of a correct {@code read_committed} Kafka: each choice picks a process; an
     * idle one invokes a transaction that appends its sends at once (uncommitted), a busy one
     * completes ok, its poll reading each key up to {@code 1 + choice % 4} records from its position
     * but never past the first record of a transaction still open (the last stable offset), then
     * commits. Afterwards every open transaction completes.
     */
    void readCommitted(List<Integer> choices, int processes) {
        Map<Integer, long[]> open = new TreeMap<>();        // process -> [txn, polls?]
        Map<Integer, List<Value>> sent = new TreeMap<>();
        Map<Long, Integer> txnOfValue = new TreeMap<>();
        Set<Integer> openTxns = new TreeSet<>();
        int nextTxn = 0;
        for (int i = 0; i <= choices.size() + processes; i++) {
            int c = i < choices.size() ? choices.get(i) : 0;
            int p = i < choices.size() ? Math.floorMod(c, processes) : i - choices.size();
            if (p >= processes || (i >= choices.size() && !open.containsKey(p))) {
                continue;
            }
            if (!open.containsKey(p)) {
                int txn = nextTxn++;
                boolean polls = (c / processes) % 2 == 0;
                int sends = (c / (2 * processes)) % 3 + (polls ? 0 : 1);
                List<Value> invoke = new ArrayList<>();
                List<Value> done = new ArrayList<>();
                if (polls) {
                    invoke.add(Value.vec(Value.kw(KafkaOps.POLL)));
                }
                for (int j = 0; j < sends; j++) {
                    long k = Math.floorMod(c / (6 * processes) + j, KEYS);
                    long v = nextValue++;
                    txnOfValue.put(v, txn);
                    invoke.add(send(k, Value.of(v)));
                    done.add(send(k, Value.vec(Value.of(append(k, v)), Value.of(v))));
                }
                openTxns.add(txn);
                open.put(p, new long[] {txn, polls ? 1 : 0});
                sent.put(p, done);
                h.invoke(p, f(polls, sends), Value.vec(invoke), time++);
                continue;
            }
            long[] t = open.remove(p);
            List<Value> done = new ArrayList<>();
            if (t[1] == 1) {
                done.add(pollCommitted(p, c % 4 + 1, v -> openTxns.contains(txnOfValue.get(v))));
            }
            done.addAll(sent.remove(p));
            openTxns.remove((int) t[0]);
            h.complete(p, OpType.OK, f(t[1] == 1, done.size() - (int) t[1]), Value.vec(done), time++);
        }
    }

    /** Up to {@code max} records of each key from the process's position, stopping at an open one. */
    private Value pollCommitted(int process, int max, LongPredicate uncommitted) {
        Map<Long, Long> pos = positions.computeIfAbsent(process, x -> new TreeMap<>());
        Map<Value, Value> read = new LinkedHashMap<>();
        for (long k = 0; k < KEYS; k++) {
            List<Value> records = new ArrayList<>();
            for (Map.Entry<Long, Long> e : log(k).tailMap(pos.getOrDefault(k, 0L), true).entrySet()) {
                if (records.size() >= max || uncommitted.test(e.getValue())) {
                    break;
                }
                records.add(Value.vec(Value.of(e.getKey()), Value.of(e.getValue())));
                pos.put(k, e.getKey() + 1);
            }
            read.put(Value.of(k), Value.vec(records));
        }
        return Value.vec(Value.kw(KafkaOps.POLL), new Value.MapV(read));
    }

    private static String f(boolean polls, int sends) {
        return polls && sends > 0 ? KafkaOps.TXN : polls ? KafkaOps.POLL : KafkaOps.SEND;
    }

    /** A fresh consumer reads everything, so that no acknowledged value is left unseen. */
    History finish(int process) {
        serial(process, true, List.of());
        return h.build();
    }
}
