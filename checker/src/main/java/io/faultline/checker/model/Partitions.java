package io.faultline.checker.model;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.history.HistoryException;
import java.util.ArrayList;
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
 * Map<Value, List<Op>> parts = Partitions.byKey(history);
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
     * One sub-history per key, keys in order of first appearance; ops keep their index in
     * {@code history} (so messages name the original op). A completion goes with its
     * process's pending invocation (its own value may lack the key, e.g. an {@code :info}).
     */
    public static Map<Value, List<Op>> byKey(History history) {
        Map<Value, List<Op>> parts = new LinkedHashMap<>();
        Map<Integer, Value> pendingKey = new HashMap<>();
        for (Op op : history) {
            Value key;
            if (op.type() == OpType.INVOKE) {
                key = keyOf(op);
                pendingKey.put(op.process(), key);
            } else {
                key = pendingKey.remove(op.process());
                if (key == null) {
                    throw new HistoryException(op.index(), "completion :" + op.type().keyword()
                            + " of process " + op.process() + " without a pending invocation");
                }
            }
            parts.computeIfAbsent(key, k -> new ArrayList<>()).add(op);
        }
        Map<Value, List<Op>> out = new LinkedHashMap<>();
        parts.forEach((k, ops) -> out.put(k, List.copyOf(ops)));
        return out;
    }
}
