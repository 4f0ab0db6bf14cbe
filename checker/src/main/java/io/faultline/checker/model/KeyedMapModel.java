package io.faultline.checker.model;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the per-key map models ({@code kv}, {@code s3-object}) share: values are {@code [key value]},
 * the state is an immutable map from key to value, the history is split per key
 * (P-compositionality) and {@code :get} is read-only. A subclass says only what one operation does
 * to one key.
 */
abstract class KeyedMapModel implements Model<Map<Value, Value>> {
    private final String name;
    private final Set<String> functions;
    private final Map<Value, Value> initial;

    KeyedMapModel(String name, Set<String> functions, Map<Value, Value> initial) {
        this.name = name;
        this.functions = functions;
        this.initial = Map.copyOf(initial);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<Value, Value> initial() {
        return initial;
    }

    @Override
    public final Set<String> functions() {
        return functions;
    }

    @Override
    public final Optional<Map<Value, int[]>> partition(History history) {
        return Optional.of(Partitions.byKey(history));
    }

    @Override
    public final boolean readOnly(Operation op) {
        return op.f().equals("get");
    }

    @Override
    public final Step<Map<Value, Value>> step(Map<Value, Value> state, Operation op) {
        if (!KeyedValues.isKeyed(op)) {
            return Step.inconsistent(() -> ":" + op.f() + " needs [key value], got " + op.value());
        }
        return stepKey(state, KeyedValues.key(op), KeyedValues.arg(op), op);
    }

    /** One operation on {@code key} with argument or result {@code arg}. */
    abstract Step<Map<Value, Value>> stepKey(Map<Value, Value> state, Value key, Value arg, Operation op);
}
