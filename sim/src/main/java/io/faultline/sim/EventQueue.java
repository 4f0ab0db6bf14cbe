package io.faultline.sim;

import java.util.Arrays;

/** A binary min-heap of events by (time, seq); no boxing, no comparator objects. */
final class EventQueue {
    private Event[] heap = new Event[1024];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Event peek() {
        return size == 0 ? null : heap[0];
    }

    void add(Event e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        Event[] h = heap;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Event p = h[parent];
            if (!e.before(p)) {
                break;
            }
            h[i] = p;
            i = parent;
        }
        h[i] = e;
    }

    Event poll() {
        if (size == 0) {
            return null;
        }
        Event[] h = heap;
        Event top = h[0];
        Event last = h[--size];
        h[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                Event c = h[child];
                int right = child + 1;
                if (right < size && h[right].before(c)) {
                    child = right;
                    c = h[child];
                }
                if (!c.before(last)) {
                    break;
                }
                h[i] = c;
                i = child;
            }
            h[i] = last;
        }
        return top;
    }

    void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }
}
