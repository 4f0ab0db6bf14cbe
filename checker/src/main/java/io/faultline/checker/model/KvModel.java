package io.faultline.checker.model;

import io.faultline.checker.history.Value;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

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
@API(status = API.Status.STABLE, since = "0.1")
public final class KvModel extends KeyedMapModel {
    private static final Value EMPTY = Value.of("");

    public KvModel(Map<Value, Value> initial) {
        super("kv", Set.of("get", "put", "append"), initial);
    }

    @Override
    Step<Map<Value, Value>> stepKey(Map<Value, Value> state, Value key, Value arg, Operation op) {
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
                return Step.inconsistent(() -> "get " + key + " returned " + arg + " but it held " + current);
        }
    }

    private static String text(Value v) {
        return v instanceof Value.Str s ? s.value() : v.toString();
    }
}
