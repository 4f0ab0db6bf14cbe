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
        super("s3-object", Set.of("get", "put", "delete"), initial);
    }

    @Override
    Step<Map<Value, Value>> stepKey(Map<Value, Value> state, Value key, Value arg, Operation op) {
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
