package io.faultline.models.s3.server;

import java.util.Map;
import java.util.TreeMap;

/**
 * A front-end's open calls by id. Ids are issued in increasing order and most calls close soon
 * after they open, so the open ones sit in a window of slots from the oldest open id to the newest:
 * an array indexed by id, with no boxed key and no tree per lookup (the calls' sorted maps were
 * about 5 % of S3StrongBench). The few calls that stay open long
 * (a call nobody answers while its request waits) move to a sorted overflow when the window fills,
 * so the window stays about as large as the recent calls. Iteration is in id order.
 *
 * @param <T> what an open call holds
 */
final class CallWindow<T> {
    /** Visits one open call. */
    interface Visitor<T> {
        void visit(long id, T call);
    }

    private Object[] slots = new Object[64];
    /** No open call in the window has a smaller id; the overflow holds only smaller ones. */
    private long oldest;
    private long next;
    private int inWindow;
    private final TreeMap<Long, T> overflow = new TreeMap<>();

    CallWindow(long firstId) {
        this.oldest = firstId;
        this.next = firstId;
    }

    /** Opens a call under the next id, which it returns. */
    long open(T call) {
        if (next - oldest == slots.length) {
            makeRoom();
        }
        slots[index(next)] = call;
        inWindow++;
        return next++;
    }

    /** The open call {@code id}, or null. */
    @SuppressWarnings("unchecked")
    T get(long id) {
        if (id >= oldest && id < next) {
            return (T) slots[index(id)];
        }
        return id < oldest ? overflow.get(id) : null;
    }

    /** Closes call {@code id} (nothing if it is not open). */
    void remove(long id) {
        if (id >= oldest && id < next) {
            int i = index(id);
            if (slots[i] != null) {
                slots[i] = null;
                inWindow--;
                advance();
            }
        } else if (id < oldest) {
            overflow.remove(id);
        }
    }

    boolean isEmpty() {
        return inWindow == 0 && overflow.isEmpty();
    }

    /** Visits the open calls in id order; {@code v} must not open or close calls. */
    @SuppressWarnings("unchecked")
    void forEach(Visitor<T> v) {
        for (Map.Entry<Long, T> e : overflow.entrySet()) {
            v.visit(e.getKey(), e.getValue());
        }
        for (long id = oldest; id < next; id++) {
            Object c = slots[index(id)];
            if (c != null) {
                v.visit(id, (T) c);
            }
        }
    }

    private int index(long id) {
        return (int) (id & (slots.length - 1));
    }

    private void advance() {
        while (oldest < next && slots[index(oldest)] == null) {
            oldest++;
        }
    }

    /**
     * The window is full. Mostly empty (calls long open among closed ones): the open calls of its
     * older half move to the overflow. Otherwise it doubles.
     */
    @SuppressWarnings("unchecked")
    private void makeRoom() {
        if (2 * inWindow <= slots.length) {
            long cut = oldest + slots.length / 2;
            for (long id = oldest; id < cut; id++) {
                int i = index(id);
                if (slots[i] != null) {
                    overflow.put(id, (T) slots[i]);
                    slots[i] = null;
                    inWindow--;
                }
            }
            oldest = cut;
            advance();
            return;
        }
        Object[] bigger = new Object[2 * slots.length];
        for (long id = oldest; id < next; id++) {
            bigger[(int) (id & (bigger.length - 1))] = slots[index(id)];
        }
        slots = bigger;
    }
}
