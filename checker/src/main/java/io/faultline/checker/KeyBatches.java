package io.faultline.checker;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads keys' ops back from a history, in the order the keys are wanted, a batch of keys at a time:
 * one pass over the history decodes every key of a batch (at most {@link #BATCH_OPS} ops, or one
 * larger key), and a key's ops are dropped once taken. A recorded history decodes a page at a
 * time, so reading each key on its own would decode every page once per key; reading all keys at
 * once would hold the whole history (issue 18).
 */
final class KeyBatches {
    /** Ops decoded and held at once, about 25 to 100 MB of {@code Op}s. */
    static final int BATCH_OPS = 1 << 18;
    private final History history;
    private final List<int[]> keys;
    private final int batchOps;
    /** Keys decoded and not taken yet, by their place in {@code keys}; looked up, never iterated. */
    private final Map<Integer, List<Op>> loaded = new HashMap<>();
    private int next;

    /** {@code keys}: each key's op positions in {@code history}, in the order the keys will be taken. */
    KeyBatches(History history, List<int[]> keys) {
        this(history, keys, BATCH_OPS);
    }

    /** Smaller batches let tests read a history in several. */
    KeyBatches(History history, List<int[]> keys, int batchOps) {
        this.history = history;
        this.keys = keys;
        this.batchOps = batchOps;
    }

    /** The ops of key {@code i}, decoding its batch if it is not yet; each key is taken once. */
    synchronized List<Op> take(int i) {
        while (!loaded.containsKey(i)) {
            if (next >= keys.size()) {
                throw new IllegalStateException("key " + i + " was taken already");
            }
            loadNext();
        }
        return loaded.remove(i);
    }

    private void loadNext() {
        int from = next;
        int to = from;
        long total = 0;
        while (to < keys.size() && (to == from || total + keys.get(to).length <= batchOps)) {
            total += keys.get(to).length;
            to++;
        }
        // Every op of the batch by position (high half) and key (low half): one pass, in history order.
        long[] order = new long[(int) total];
        int n = 0;
        List<List<Op>> ops = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            for (int at : keys.get(k)) {
                order[n++] = ((long) at << 32) | (k - from);
            }
            ops.add(new ArrayList<>(keys.get(k).length));
        }
        Arrays.sort(order);
        for (long o : order) {
            ops.get((int) o).add(history.get((int) (o >>> 32)));
        }
        for (int k = from; k < to; k++) {
            loaded.put(k, ops.get(k - from));
        }
        next = to;
    }
}
