package io.faultline.checker.model;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;
import io.faultline.checker.prepare.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Objects in an S3 bucket ({@code s3-object}), under S3's strong read-after-write consistency
 * (FIDELITY A1.3): values are {@code [key value]}.
 *
 * <ul>
 *   <li>{@code :put [k v]}: object {@code k} now holds {@code v};</li>
 *   <li>{@code :delete [k nil]}: object {@code k} is absent;</li>
 *   <li>{@code :get [k v]}: an ok get returns the current content, {@code nil} meaning absent
 *       (404); an indeterminate get is unconstrained.</li>
 * </ul>
 * Split per key ({@link #partition}). State: an immutable {@code Map<Value, Value>} of present
 * objects; default initial state empty (every key absent).
 *
 * <pre>{@code
 * Model<Map<Value, Value>> m = new S3ObjectModel(Map.of());
 * }</pre>
 */
public final class S3ObjectModel implements Model<Map<Value, Value>> {
    private final Map<Value, Value> initial;

    public S3ObjectModel(Map<Value, Value> initial) {
        this.initial = Map.copyOf(initial);
    }

    @Override
    public String name() {
        return "s3-object";
    }

    @Override
    public Map<Value, Value> initial() {
        return initial;
    }

    @Override
    public Set<String> fs() {
        return Set.of("get", "put", "delete");
    }

    @Override
    public Optional<Map<Value, List<Op>>> partition(History history) {
        return Optional.of(Partitions.byKey(history));
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("get");
    }

    @Override
    public Step<Map<Value, Value>> step(Map<Value, Value> state, Operation op) {
        if (!KeyedValues.isKeyed(op)) {
            return Step.inconsistent(":" + op.f() + " needs [key value], got " + op.value());
        }
        Value key = KeyedValues.key(op);
        Value arg = KeyedValues.arg(op);
        switch (op.f()) {
            case "put":
                return Step.ok(KeyedValues.with(state, key, arg));
            case "delete":
                return Step.ok(KeyedValues.with(state, key, Value.NIL));
            default:
                Value current = state.getOrDefault(key, Value.NIL);
                if (op.isIndeterminate() || arg.equals(current)) {
                    return Step.ok(state);
                }
                return Step.inconsistent("get " + key + " returned " + (arg.isNil() ? "404" : arg)
                        + " but it held " + (current.isNil() ? "nothing" : current));
        }
    }
}
