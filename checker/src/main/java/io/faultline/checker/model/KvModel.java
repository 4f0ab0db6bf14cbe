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
 * A string key-value store ({@code kv}, Porcupine's kv corpus): values are {@code [key value]}.
 *
 * <ul>
 *   <li>{@code :put [k "v"]}: key {@code k} holds {@code "v"};</li>
 *   <li>{@code :append [k "v"]}: appends {@code "v"} to {@code k}'s string ({@code ""} if absent);</li>
 *   <li>{@code :get [k "v"]}: {@code k} holds {@code "v"}; a missing key reads {@code ""}; an
 *       indeterminate or {@code nil} get is unconstrained.</li>
 * </ul>
 * Split per key ({@link #partition}). State: an immutable {@code Map<Value, Value>} of key to
 * string; default initial state empty (every key reads {@code ""}).
 *
 * <pre>{@code
 * Model<Map<Value, Value>> m = new KvModel(Map.of());
 * }</pre>
 */
public final class KvModel implements Model<Map<Value, Value>> {
    private static final Value EMPTY = Value.of("");
    private final Map<Value, Value> initial;

    public KvModel(Map<Value, Value> initial) {
        this.initial = Map.copyOf(initial);
    }

    @Override
    public String name() {
        return "kv";
    }

    @Override
    public Map<Value, Value> initial() {
        return initial;
    }

    @Override
    public Set<String> fs() {
        return Set.of("get", "put", "append");
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
        Value current = state.getOrDefault(key, EMPTY);
        switch (op.f()) {
            case "put":
                return Step.ok(KeyedValues.with(state, key, arg));
            case "append":
                return Step.ok(KeyedValues.with(state, key, Value.of(text(current) + text(arg))));
            default:
                if (op.isIndeterminate() || arg.isNil() || arg.equals(current)) {
                    return Step.ok(state);
                }
                return Step.inconsistent("get " + key + " returned " + arg + " but it held " + current);
        }
    }

    private static String text(Value v) {
        return v instanceof Value.Str s ? s.value() : v.toString();
    }
}
