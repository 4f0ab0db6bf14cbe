package io.faultline.checker.model;

import io.faultline.checker.history.Value;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Objects in an S3 bucket ({@code s3-object}), under S3's strong read-after-write consistency
 * (FIDELITY A1.3): values are {@code [key value]}.
 *
 * <ul>
 *   <li>{@code :put [k v]}: object {@code k} now holds {@code v};</li>
 *   <li>{@code :delete [k nil]}: object {@code k} is absent;</li>
 *   <li>{@code :get [k v]}: an ok get returns the current content, {@code nil} meaning absent
 *       (404); an indeterminate get is unconstrained.</li>
 *   <li>{@code :cas [k [old new]]}: a conditional put (FIDELITY A7.2), {@code If-None-Match: *} when
 *       {@code old} is {@code nil}, else {@code If-Match} with {@code old}'s ETag: it happened only
 *       if {@code k} held {@code old}, and then {@code k} holds {@code new}. A failed one (412, or
 *       409 ConditionalRequestConflict) did not happen and is dropped, as Knossos does.</li>
 * </ul>
 * Split per key ({@link #partition}). State: an immutable {@code Map<Value, Value>} of present
 * objects; default initial state empty (every key absent).
 *
 * <pre>{@code
 * Model<Map<Value, Value>> m = new S3ObjectModel(Map.of());
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class S3ObjectModel extends KeyedMapModel {

    public S3ObjectModel(Map<Value, Value> initial) {
        super("s3-object", Set.of("get", "put", "delete", "cas"), initial);
    }

    @Override
    Step<Map<Value, Value>> stepKey(Map<Value, Value> state, Value key, Value arg, Operation op) {
        switch (op.f()) {
            case "put":
                return Step.ok(KeyedValues.with(state, key, arg));
            case "delete":
                return Step.ok(KeyedValues.with(state, key, Value.NIL));
            case "cas":
                return cas(state, key, arg);
            default:
                Value current = state.getOrDefault(key, Value.NIL);
                if (op.isIndeterminate() || arg.equals(current)) {
                    return Step.ok(state);
                }
                return Step.inconsistent(() -> "get " + key + " returned " + (arg.isNil() ? "404" : arg)
                        + " but it held " + (current.isNil() ? "nothing" : current));
        }
    }

    private static Step<Map<Value, Value>> cas(Map<Value, Value> state, Value key, Value arg) {
        if (!(arg instanceof Value.Vec v) || v.items().size() != 2 || v.items().get(1).isNil()) {
            return Step.inconsistent(() -> "cas " + key + " needs [old new] with a new content, got " + arg);
        }
        Value current = state.getOrDefault(key, Value.NIL);
        if (!v.items().get(0).equals(current)) {
            return Step.inconsistent(() -> "conditional put " + key + " " + arg + " succeeded but it held "
                    + (current.isNil() ? "nothing" : current));
        }
        return Step.ok(KeyedValues.with(state, key, v.items().get(1)));
    }
}
