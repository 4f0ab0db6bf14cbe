package io.faultline.checker.model;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.history.HistoryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Splits a history of keyed operations into per-key sub-histories (P-compositionality, Horn and
 * Kroening): a history is linearizable iff each key's sub-history is. Keyed values follow Jepsen's
 * {@code independent} convention: the value is a tuple {@code [key value]}.
 *
 * <pre>{@code
 * // {:f :put :value ["k1" "x"]} goes to key "k1"
 * Map<Value, int[]> parts = Partitions.byKey(history);
 * List<Op> k1 = Partitions.ops(history, parts.get(Value.of("k1")));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Partitions {
    private Partitions() {
    }

    /** The key of a keyed value {@code [key value]}, or a history error naming the op. */
    public static Value keyOf(Op op) {
        if (op.value() instanceof Value.Vec v && v.items().size() == 2) {
            return v.items().get(0);
        }
        throw new HistoryException(op.index(), "expected a keyed value [key value] for :" + op.f()
                + ", got " + op.value());
    }

    /**
     * One sub-history per key, keys in order of first appearance, as the positions of its ops in
     * {@code history} (so messages name the original op, and a long recorded history is read back
     * one key at a time, {@link #ops}, instead of all keys' ops at once). A completion goes with its
     * process's pending invocation (its own value may lack the key, e.g. an {@code :info}).
     */
    public static Map<Value, int[]> byKey(History history) {
        Map<Value, Positions> parts = new LinkedHashMap<>();
        Map<Integer, Positions> pending = new HashMap<>();
        for (Op op : history) {
            Positions key;
            if (op.type() == OpType.INVOKE) {
                key = parts.computeIfAbsent(keyOf(op), k -> new Positions());
                pending.put(op.process(), key);
            } else {
                key = pending.remove(op.process());
                if (key == null) {
                    throw new HistoryException(op.index(), "completion :" + op.type().keyword()
                            + " of process " + op.process() + " without a pending invocation");
                }
            }
            key.add((int) op.index());
        }
        Map<Value, int[]> out = new LinkedHashMap<>();
        parts.forEach((k, at) -> out.put(k, at.toArray()));
        return out;
    }

    /** The ops of {@code history} at {@code positions} (one key's, from {@link #byKey}), decoded now. */
    public static List<Op> ops(History history, int[] positions) {
        List<Op> out = new ArrayList<>(positions.length);
        for (int at : positions) {
            out.add(history.get(at));
        }
        return List.copyOf(out);
    }

    /** A growing list of op positions: four bytes an op, not an {@code Integer}'s twenty. */
    private static final class Positions {
        private int[] at = new int[8];
        private int size;

        void add(int position) {
            if (size == at.length) {
                at = Arrays.copyOf(at, 2 * size);
            }
            at[size++] = position;
        }

        int[] toArray() {
            return Arrays.copyOf(at, size);
        }
    }
}
