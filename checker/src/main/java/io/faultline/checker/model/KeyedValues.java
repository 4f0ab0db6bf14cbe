package io.faultline.checker.model;

import io.faultline.checker.history.Value;
import java.util.HashMap;
import java.util.Map;

/** Helpers for models whose values are {@code [key value]} tuples. */
final class KeyedValues {
    private KeyedValues() {
    }

    /** The key of {@code op}; call {@link #isKeyed} first. */
    static Value key(Operation op) {
        return ((Value.Vec) op.value()).items().get(0);
    }

    static Value arg(Operation op) {
        return ((Value.Vec) op.value()).items().get(1);
    }

    static boolean isKeyed(Operation op) {
        return op.value() instanceof Value.Vec v && v.items().size() == 2;
    }

    static Map<Value, Value> with(Map<Value, Value> map, Value key, Value value) {
        // Split per key, a state holds one key: keep it a cheap one-entry map.
        if (map.isEmpty() || (map.size() == 1 && map.containsKey(key))) {
            return value.isNil() ? Map.of() : Map.of(key, value);
        }
        Map<Value, Value> next = new HashMap<>(map);
        if (value.isNil()) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        return Map.copyOf(next);
    }
}
