package io.faultline.checker.log;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A correct in-memory Kafka (one log per key, offsets that may skip like transaction markers do)
 * and the recorder of what its clients saw, in Jepsen's op shapes. Tests drive it step by step:
 * invoke an op, apply it to the logs at its linearization point, complete it ok, fail or info.
 * Values are unique across keys, as in Jepsen's workload.
 */
final class KafkaWorld {
    static final int KEYS = 2;

    /** One client op in flight: its sends (key, value) and whether it polls first or sends first. */
    static final class Pending {
        final int process;
        final boolean polls;
        final boolean sendFirst;
        final List<long[]> sends;
        final long[] offsets;
        final Map<Integer, List<KafkaOps.Read>> reads = new TreeMap<>();
        boolean applied;

        Pending(int process, boolean polls, boolean sendFirst, List<long[]> sends) {
            this.process = process;
            this.polls = polls;
            this.sendFirst = sendFirst;
            this.sends = List.copyOf(sends);
            this.offsets = new long[sends.size()];
        }

        String f() {
            return polls && !sends.isEmpty() ? KafkaOps.TXN : polls ? KafkaOps.POLL : KafkaOps.SEND;
        }
    }

    private final HistoryBuilder h = new HistoryBuilder();
    private final String joinVia;
    private final List<TreeMap<Long, Long>> logs = new ArrayList<>();
    private final long[] next = new long[KEYS];
    private long nextValue = 1;
    private int nextProcess;
    private long time;

    KafkaWorld(int firstFreeProcess) {
        this(firstFreeProcess, false);
    }

    /** With {@code subscribe}, consumers join by subscribing (rebalanced) rather than assigning. */
    KafkaWorld(int firstFreeProcess, boolean subscribe) {
        this.joinVia = subscribe ? KafkaOps.SUBSCRIBE : KafkaOps.ASSIGN;
        for (int k = 0; k < KEYS; k++) {
            logs.add(new TreeMap<>());
        }
        nextProcess = firstFreeProcess;
    }

    long freshValue() {
        return nextValue++;
    }

    int freshProcess() {
        return nextProcess++;
    }

    TreeMap<Long, Long> log(int key) {
        return logs.get(key);
    }

    /** Appends at the log end; returns the offset. */
    long append(int key, long value) {
        long o = next[key]++;
        logs.get(key).put(o, value);
        return o;
    }

    /** Puts {@code value} at {@code offset} (a faulty broker) and moves the end past it if needed. */
    void putAt(int key, long offset, long value) {
        logs.get(key).put(offset, value);
        next[key] = Math.max(next[key], offset + 1);
    }

    /** An offset with no record, as a transaction marker leaves. */
    void skipOffset(int key) {
        next[key]++;
    }

    /** Removes everything from {@code offset} on and appends there again (truncation). */
    void truncate(int key, long offset) {
        logs.get(key).tailMap(offset, true).clear();
        next[key] = offset;
    }

    long end(int key) {
        return next[key];
    }

    Pending invoke(int process, boolean polls, boolean sendFirst, List<long[]> sends) {
        Pending p = new Pending(process, polls, sendFirst, sends);
        h.invoke(process, p.f(), invokeValue(p), time++);
        return p;
    }

    Pending invokeSend(int process, int key, long value) {
        return invoke(process, false, true, List.<long[]>of(new long[] {key, value}));
    }

    /** Applies a send op's sends at the log end. */
    void applySends(Pending p) {
        for (int i = 0; i < p.sends.size(); i++) {
            p.offsets[i] = append((int) p.sends.get(i)[0], p.sends.get(i)[1]);
        }
    }

    /** Reads for {@code p}: {@code records} (offset, value) of {@code key}. */
    static void read(Pending p, int key, List<KafkaOps.Read> records) {
        p.reads.computeIfAbsent(key, k -> new ArrayList<>()).addAll(records);
    }

    /** Records of {@code key} from {@code from} on, at most {@code max}. */
    List<KafkaOps.Read> records(int key, long from, int max) {
        List<KafkaOps.Read> out = new ArrayList<>();
        for (Map.Entry<Long, Long> e : logs.get(key).tailMap(from, true).entrySet()) {
            if (out.size() >= max) {
                break;
            }
            out.add(new KafkaOps.Read(e.getKey(), Value.of(e.getValue())));
        }
        return out;
    }

    /** Completes {@code p}: ok and fail carry what the client learned, info only the sends. */
    void complete(Pending p, OpType type) {
        h.complete(p.process, type, p.f(), completionValue(p, type), time++);
    }

    void assign(int process) {
        List<Value> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add(Value.of(k));
        }
        h.invoke(process, joinVia, Value.vec(keys), time++);
        h.complete(process, OpType.OK, joinVia, Value.vec(keys), time++);
    }

    /** A fresh consumer that assigns every key and reads every log from offset 0. */
    void drain() {
        int c = freshProcess();
        assign(c);
        Pending p = invoke(c, true, false, List.of());
        for (int k = 0; k < KEYS; k++) {
            read(p, k, records(k, 0, Integer.MAX_VALUE));
        }
        complete(p, OpType.OK);
    }

    History history() {
        return h.build();
    }

    private static Value invokeValue(Pending p) {
        List<Value> mops = new ArrayList<>();
        if (p.polls && !p.sendFirst) {
            mops.add(Value.vec(Value.kw(KafkaOps.POLL)));
        }
        for (long[] s : p.sends) {
            mops.add(Value.vec(Value.kw(KafkaOps.SEND), Value.of(s[0]), Value.of(s[1])));
        }
        if (p.polls && p.sendFirst) {
            mops.add(Value.vec(Value.kw(KafkaOps.POLL)));
        }
        return Value.vec(mops);
    }

    private static Value completionValue(Pending p, OpType type) {
        List<Value> mops = new ArrayList<>();
        if (p.polls && !p.sendFirst) {
            mops.add(pollValue(p, type));
        }
        for (int i = 0; i < p.sends.size(); i++) {
            long[] s = p.sends.get(i);
            Value off = type == OpType.OK ? Value.of(p.offsets[i]) : Value.NIL;
            mops.add(Value.vec(Value.kw(KafkaOps.SEND), Value.of(s[0]), Value.vec(off, Value.of(s[1]))));
        }
        if (p.polls && p.sendFirst) {
            mops.add(pollValue(p, type));
        }
        return Value.vec(mops);
    }

    // A client learns what it polled only from an ok completion.
    private static Value pollValue(Pending p, OpType type) {
        if (type != OpType.OK) {
            return Value.vec(Value.kw(KafkaOps.POLL));
        }
        Map<Value, List<KafkaOps.Read>> byKey = new LinkedHashMap<>();
        p.reads.forEach((k, rs) -> byKey.put(Value.of(k), rs));
        return ((Value.Vec) KafkaOps.pollOk(byKey)).items().get(0);
    }
}
