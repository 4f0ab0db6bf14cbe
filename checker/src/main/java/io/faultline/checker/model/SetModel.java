package io.faultline.checker.model;

import io.faultline.checker.history.Value;
import java.util.HashSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A grow-only set ({@code set}): {@code :add v} adds {@code v}; {@code :read [v ...]} must see
 * exactly the current elements (order and duplicates ignored); a {@code nil} or indeterminate read
 * is unconstrained. State: an immutable {@code Set<Value>}; default initial state empty (or the
 * elements of a given vector).
 *
 * <pre>{@code
 * Model<Set<Value>> m = new SetModel(Set.of());
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SetModel implements Model<Set<Value>> {
    private final Set<Value> initial;

    public SetModel(Set<Value> initial) {
        this.initial = Set.copyOf(initial);
    }

    @Override
    public String name() {
        return "set";
    }

    @Override
    public Set<Value> initial() {
        return initial;
    }

    @Override
    public Set<String> functions() {
        return Set.of("add", "read");
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("read");
    }

    @Override
    public Step<Set<Value>> step(Set<Value> state, Operation op) {
        if (op.f().equals("add")) {
            if (state.contains(op.value())) {
                return Step.ok(state);
            }
            Set<Value> next = new HashSet<>(state);
            next.add(op.value());
            return Step.ok(Set.copyOf(next));
        }
        if (op.isIndeterminate() || op.value().isNil()) {
            return Step.ok(state);
        }
        if (op.value() instanceof Value.Vec v && Set.copyOf(v.items()).equals(state)) {
            return Step.ok(state);
        }
        return Step.inconsistent(() -> "read " + op.value() + " but the set held " + state);
    }
}
