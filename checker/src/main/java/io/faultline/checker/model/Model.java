package io.faultline.checker.model;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A sequential specification: the state of an object and what each operation does to it. The
 * linearizability checker asks whether the concurrent history can be ordered so that every
 * operation is possible, in order, from {@link #initial()}.
 *
 * <p>States must be immutable values with {@code equals}/{@code hashCode}: the checker caches
 * (linearized operations, state) pairs and memoizes {@code step} per (state, operation).
 * {@code step} must be a pure function.
 *
 * <p>A counter in a few lines:
 * <pre>{@code
 * Model<Long> counter = new Model<>() {
 *     public String name() { return "counter"; }
 *     public Long initial() { return 0L; }
 *     public Set<String> functions() { return Set.of("incr", "read"); }
 *     public Step<Long> step(Long n, Operation op) {
 *         if (op.f().equals("incr")) return Step.ok(n + 1);
 *         if (op.value().isNil() || op.value().equals(Value.of(n))) return Step.ok(n);
 *         return Step.inconsistent(() -> "read " + op.value() + " but counter is " + n);
 *     }
 * };
 * CheckReport r = Linearizability.check(history, counter, CheckOptions.defaults());
 * }</pre>
 *
 * @param <S> the state type
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Model<S> {

    /** The model's name, as given to {@code faultline check --model}. */
    String name();

    /** The state before any operation. */
    S initial();

    /** The operation functions this model understands; any other {@code f} is a history error. */
    Set<String> functions();

    /**
     * Applies {@code op} to {@code state}. {@code op.outcome()} is {@code OK}, {@code INFO} (the
     * result is unknown: a model should not constrain on {@code op.value()}'s result part then), or
     * {@code FAIL} for the functions {@link #keepsFailed} accepts.
     */
    Step<S> step(S state, Operation op);

    /**
     * Whether {@code op} never changes the state, in any state where it is possible (a read, a
     * failed cas kept as a constraint). Optional: the linear search then linearizes such an
     * operation as soon as it is possible instead of trying it at every point, a sound reduction
     * (moving a state-preserving operation earlier, within its window, changes no other result).
     * Answer {@code false} when unsure.
     */
    default boolean readOnly(Operation op) {
        return false;
    }

    /**
     * Whether a failed ({@code :fail}) operation with this {@code f} is kept as a constraint (it is
     * then passed to {@link #step} with outcome {@code FAIL}) instead of dropped. Default: dropped,
     * as Knossos does, since a failed operation did not happen.
     */
    default boolean keepsFailed(String f) {
        return false;
    }

    /**
     * For P-compositional models (independent keys): the history split into one sub-history per
     * key, as the positions of its ops in {@code history} ({@link Partitions#ops} reads them), each
     * checked on its own with this model from {@link #initial()}. Empty when the model
     * is not split. {@link Partitions#byKey} does the routing for {@code [key value]} values.
     */
    default Optional<Map<Value, int[]>> partition(History history) {
        return Optional.empty();
    }
}
