package io.faultline.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events by (time, seq), over primitive arrays only: the heap holds each pending
 * event's key and the number of its slot, and the slots (parallel arrays, reused through free lists)
 * hold the event. A message on the wire has no object of its own: its sender, destination, send time
 * and message sit in a delivery slot's arrays, so a send allocates nothing but the model's message, and
 * the slot it fills is most often the one just freed, still in cache. Any other {@link Event} sits in an
 * event slot, which holds only its reference: the two kinds of slot are separate pools, so that a
 * pending timer does not pay for a delivery's unused fields (24 bytes of slot against 8), nor a
 * delivery for an event reference. A slot number {@code >= 0} is a delivery slot; an event slot is
 * numbered {@code -2 - k} for its index {@code k}. Sifting moves three primitives per step and stores no
 * reference (a reference store into an old array costs a GC write barrier).
 *
 * <p>The slot of the event {@link #poll()} returned stays valid until the next {@code poll()}: what the
 * event adds while it fires goes into other slots.
 */
final class EventQueue {
    /** {@link #poll()}'s answer when the queue is empty. */
    static final int NONE = -1;
    /**
     * Capacities are 2^k - 4 (grown by {@link #grown}): an array of them, with its 16-byte header, fills
     * a power-of-two size exactly, where 2^k elements would spill 16 bytes into one more G1 region
     * once the arrays are humongous (a million pending events cost 8 bytes more each).
     */
    private static final int INITIAL = 1020;

    private long[] times = new long[INITIAL];
    private long[] seqs = new long[INITIAL];
    private int[] heapSlots = new int[INITIAL];
    private int size;

    // The delivery slots: a message on the wire.
    private int[] from = new int[INITIAL];
    private int[] to = new int[INITIAL];
    private long[] sentAt = new long[INITIAL];
    private Message[] messages = new Message[INITIAL];
    /**
     * The first free delivery slot; a free slot's {@code to} holds the next one (a stack, no array of
     * its own: the slot freed last is filled first).
     */
    private int freeHead = NONE;

    // The event slots: any other event; a free one's next free index is in eventNext.
    private Event[] events = new Event[INITIAL];
    private int[] eventNext = new int[INITIAL];
    private int freeEvent = NONE;
    private int polled = NONE;

    EventQueue() {
        chainFree(0, to.length);
        chainFreeEvents(0, events.length);
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
        if (freeEvent == NONE) {
            growEvents();
        }
        int k = freeEvent;
        freeEvent = eventNext[k];
        events[k] = e;
        push(-2 - k, t, s);
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
        return slot >= 0 ? null : events[-2 - slot];
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
            int n = grown(size);
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
        if (freeHead == NONE) {
            grow();
        }
        int slot = freeHead;
        freeHead = to[slot];
        return slot;
    }

    /** Frees a slot, dropping its reference so that a delivered message or a fired event can be collected. */
    private void release(int slot) {
        if (slot >= 0) {
            messages[slot] = null;
            to[slot] = freeHead;
            freeHead = slot;
        } else {
            int k = -2 - slot;
            events[k] = null;
            eventNext[k] = freeEvent;
            freeEvent = k;
        }
    }

    /** Doubles the delivery slots; the new ones go on the free list. */
    private void grow() {
        int old = to.length;
        int n = grown(old);
        from = Arrays.copyOf(from, n);
        to = Arrays.copyOf(to, n);
        sentAt = Arrays.copyOf(sentAt, n);
        messages = Arrays.copyOf(messages, n);
        chainFree(old, n);
    }

    /** Doubles the event slots; the new ones go on their free list. */
    private void growEvents() {
        int old = events.length;
        int n = grown(old);
        events = Arrays.copyOf(events, n);
        eventNext = Arrays.copyOf(eventNext, n);
        chainFreeEvents(old, n);
    }

    private static int grown(int capacity) {
        return (capacity + 4) * 2 - 4;
    }

    /** Puts event slots {@code [first, end)} on their free list, lowest first out. */
    private void chainFreeEvents(int first, int end) {
        for (int i = end - 1; i >= first; i--) {
            eventNext[i] = freeEvent;
            freeEvent = i;
        }
    }

    /** Puts delivery slots {@code [first, end)} on the free list, lowest first out. */
    private void chainFree(int first, int end) {
        for (int i = end - 1; i >= first; i--) {
            to[i] = freeHead;
            freeHead = i;
        }
    }
}
