package io.faultline.models.kafka.check;

import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ReplicaLog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One replica as the {@link RecordLedger} last observed it: its records (the log's own objects) and,
 * per offset, when the record arrived, its place in the order of observation, and whether its
 * leader appended it. Entry {@code i} is offset {@code base + i}; entries below {@code first} were
 * deleted by retention and are forgotten, their space given back once they are half the list, so
 * the mirror is as long as the log (issue 18: bounded when retention bounds the log).
 *
 * <p>The records observed together (a leader's appended batch, a follower's fetched records) share
 * their time and leader flag and take consecutive places in the order, so they are kept as one run:
 * about 4 bytes per record and replica, plus about 21 bytes per run, where arrays per record cost
 * about 21 bytes per record (issue 18: a third of a long batched run's live heap).
 */
final class ReplicaMirror {
    final List<LogRecord> records = new ArrayList<>();
    /** The log last observed and its {@link ReplicaLog#changes()} then: unchanged, nothing to do. */
    ReplicaLog log;
    long changes;
    long base;
    int first;
    /** Run {@code k} starts at entry {@code runStart[k]}; its entries' times, first order and flag. */
    private int[] runStart = new int[16];
    private long[] runNanos = new long[16];
    private long[] runOrder = new long[16];
    private boolean[] runLed = new boolean[16];
    private int runs;

    long start() {
        return base + first;
    }

    long end() {
        return base + records.size();
    }

    boolean isEmpty() {
        return first == records.size();
    }

    LogRecord at(long offset) {
        return records.get((int) (offset - base));
    }

    /** When entry {@code i} arrived. */
    long nanos(int i) {
        return runNanos[run(i)];
    }

    /** Entry {@code i}'s place in the order of observation. */
    long order(int i) {
        int k = run(i);
        return runOrder[k] + (i - runStart[k]);
    }

    /** Whether entry {@code i}'s leader appended it (false: a follower copied it). */
    boolean led(int i) {
        return runLed[run(i)];
    }

    void add(LogRecord r, long at, long seq, boolean leader) {
        int i = records.size();
        records.add(r);
        int last = runs - 1;
        if (last >= 0 && runNanos[last] == at && runLed[last] == leader && runOrder[last] + (i - runStart[last]) == seq) {
            return; // the same observation as the entry before: its run grows
        }
        if (runs == runStart.length) {
            runStart = Arrays.copyOf(runStart, 2 * runs);
            runNanos = Arrays.copyOf(runNanos, 2 * runs);
            runOrder = Arrays.copyOf(runOrder, 2 * runs);
            runLed = Arrays.copyOf(runLed, 2 * runs);
        }
        runStart[runs] = i;
        runNanos[runs] = at;
        runOrder[runs] = seq;
        runLed[runs] = leader;
        runs++;
    }

    /** Forgets the offsets below {@code offset} (the log start moved up: retention, C8.2). */
    void dropBelow(long offset) {
        first = (int) Math.max(first, Math.min(offset - base, records.size()));
        if (isEmpty()) {
            restartAt(offset);
        } else if (first >= 1024 && first >= records.size() / 2) {
            int k = run(first);
            // The run that holds the new first entry now starts there, its order moved along.
            runOrder[k] += first - runStart[k];
            runStart[k] = first;
            int n = runs - k;
            System.arraycopy(runStart, k, runStart, 0, n);
            System.arraycopy(runNanos, k, runNanos, 0, n);
            System.arraycopy(runOrder, k, runOrder, 0, n);
            System.arraycopy(runLed, k, runLed, 0, n);
            runs = n;
            for (int j = 0; j < runs; j++) {
                runStart[j] -= first;
            }
            records.subList(0, first).clear();
            base += first;
            first = 0;
        }
    }

    /** Removes the offsets from {@code offset} up (truncated or lost). */
    void truncateTo(long offset) {
        int i = (int) (offset - base);
        records.subList(i, records.size()).clear();
        while (runs > 0 && runStart[runs - 1] >= i) {
            runs--;
        }
    }

    /** Empty, the next record expected at {@code offset}. */
    void restartAt(long offset) {
        records.clear();
        runs = 0;
        base = offset;
        first = 0;
    }

    /** The run holding entry {@code i}: the last one starting at or before it. */
    private int run(int i) {
        int lo = 0;
        int hi = runs - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (runStart[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
