package io.faultline.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events by (time, seq). The keys live in parallel primitive arrays so that
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
            int parent = (i - 1) >>> 1;
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
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && (ts[right] < ts[child] || (ts[right] == ts[child] && ss[right] < ss[child]))) {
                    child = right;
                }
                long ct = ts[child];
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
