package io.faultline.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events by (time, seq), over primitive arrays only: the heap holds each pending
 * event's key and the number of its slot, and the slots (parallel arrays, reused through a free list)
 * hold the event. A message on the wire has no object of its own: its sender, destination, send time
 * and message sit in its slot's arrays, so a send allocates nothing but the model's message, and the
 * slot it fills is most often the one just freed, still in cache. Sifting moves three primitives per
 * step and stores no reference (a reference store into an old array costs a GC write barrier).
 *
 * <p>The slot of the event {@link #poll()} returned stays valid until the next {@code poll()}: what the
 * event adds while it fires goes into other slots.
 */
final class EventQueue {
    /** {@link #poll()}'s answer when the queue is empty. */
    static final int NONE = -1;

    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private int[] heapSlots = new int[1024];
    private int size;

    // The slots: an Event, or (event null) a message on the wire.
    private Event[] events = new Event[1024];
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private long[] sentAt = new long[1024];
    private Message[] messages = new Message[1024];
    /** Free slots, a stack: the slot freed last is filled first. */
    private int[] free = new int[1024];
    private int freeCount;
    private int polled = NONE;

    EventQueue() {
        for (int i = 0; i < free.length; i++) {
            free[i] = free.length - 1 - i;
        }
        freeCount = free.length;
    }

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
        int slot = takeSlot();
        events[slot] = e;
        push(slot, t, s);
    }

    /** Adds a message on the wire from host {@code f} to host {@code d}, sent at {@code sent}, due at {@code t}. */
    void addDelivery(int f, int d, Message m, long sent, long t, long s) {
        int slot = takeSlot();
        from[slot] = f;
        to[slot] = d;
        sentAt[slot] = sent;
        messages[slot] = m;
        push(slot, t, s);
    }

    /** The event in {@code slot}, or null if it holds a message on the wire. */
    Event event(int slot) {
        return events[slot];
    }

    int from(int slot) {
        return from[slot];
    }

    int to(int slot) {
        return to[slot];
    }

    long sentAt(int slot) {
        return sentAt[slot];
    }

    Message message(int slot) {
        return messages[slot];
    }

    /**
     * Removes the earliest event and returns its slot ({@link #NONE} if empty), which stays valid until
     * the next call; the slot returned before is freed now.
     */
    int poll() {
        if (polled != NONE) {
            release(polled);
            polled = NONE;
        }
        if (size == 0) {
            return NONE;
        }
        long[] ts = times;
        long[] ss = seqs;
        int[] hs = heapSlots;
        int top = hs[0];
        int last = --size;
        long t = ts[last];
        long s = ss[last];
        int h = hs[last];
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
                hs[i] = hs[child];
                i = child;
            }
            ts[i] = t;
            ss[i] = s;
            hs[i] = h;
        }
        polled = top;
        return top;
    }

    private void push(int slot, long t, long s) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            heapSlots = Arrays.copyOf(heapSlots, n);
        }
        long[] ts = times;
        long[] ss = seqs;
        int[] hs = heapSlots;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pt = ts[parent];
            if (pt < t || (pt == t && ss[parent] < s)) {
                break;
            }
            ts[i] = pt;
            ss[i] = ss[parent];
            hs[i] = hs[parent];
            i = parent;
        }
        ts[i] = t;
        ss[i] = s;
        hs[i] = slot;
    }

    private int takeSlot() {
        if (freeCount == 0) {
            grow();
        }
        return free[--freeCount];
    }

    /** Frees a slot, dropping its references so that a delivered message can be collected. */
    private void release(int slot) {
        events[slot] = null;
        messages[slot] = null;
        free[freeCount++] = slot;
    }

    /** Doubles the slots; the new ones go on the free list, lowest first out. */
    private void grow() {
        int old = events.length;
        int n = old * 2;
        events = Arrays.copyOf(events, n);
        from = Arrays.copyOf(from, n);
        to = Arrays.copyOf(to, n);
        sentAt = Arrays.copyOf(sentAt, n);
        messages = Arrays.copyOf(messages, n);
        free = Arrays.copyOf(free, n);
        for (int i = n - 1; i >= old; i--) {
            free[freeCount++] = i;
        }
    }
}
