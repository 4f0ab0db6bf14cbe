package io.faultline.sim;

import java.util.Arrays;

/**
 * A 4-ary min-heap of events by (time, seq) (tried, measured, reverted: see bench/README.md). The keys live in parallel primitive arrays so that
 * sifting compares longs in two dense arrays instead of chasing a pointer per comparison (the
 * difference shows with tens of thousands of pending events); no boxing, no comparator objects.
 */
final class EventQueue {
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private Event[] events = new Event[1024];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }


    /** The time of the earliest event; only when not empty. */
    long peekTime() {
        return times[0];
    }

    void add(Event e, long t, long s) {
        if (size == events.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            events = Arrays.copyOf(events, n);
        }
        long[] ts = times;
        long[] ss = seqs;
        Event[] es = events;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = ts[parent];
            if (pt < t || (pt == t && ss[parent] < s)) {
                break;
            }
            ts[i] = pt;
            ss[i] = ss[parent];
            es[i] = es[parent];
            i = parent;
        }
        ts[i] = t;
        ss[i] = s;
        es[i] = e;
    }

    Event poll() {
        if (size == 0) {
            return null;
        }
        long[] ts = times;
        long[] ss = seqs;
        Event[] es = events;
        Event top = es[0];
        int last = --size;
        long t = ts[last];
        long s = ss[last];
        Event e = es[last];
        es[last] = null;
        if (last > 0) {
            int i = 0;
            while (true) {
                int first = 4 * i + 1;
                if (first >= last) {
                    break;
                }
                int child = first;
                long ct = ts[first];
                int end = Math.min(first + 4, last);
                for (int c = first + 1; c < end; c++) {
                    long tc = ts[c];
                    if (tc < ct || (tc == ct && ss[c] < ss[child])) {
                        child = c;
                        ct = tc;
                    }
                }
                if (t < ct || (t == ct && s < ss[child])) {
                    break;
                }
                ts[i] = ct;
                ss[i] = ss[child];
                es[i] = es[child];
                i = child;
            }
            ts[i] = t;
            ss[i] = s;
            es[i] = e;
        }
        return top;
    }
}
