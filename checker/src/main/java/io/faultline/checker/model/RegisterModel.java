package io.faultline.checker.model;

import io.faultline.checker.history.Value;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A read/write register ({@code register}), Knossos' flavour.
 *
 * <ul>
 *   <li>{@code :write v}: the register holds {@code v};</li>
 *   <li>{@code :read v}: {@code v} must be the current value; a {@code nil} read (unknown result)
 *       is unconstrained.</li>
 * </ul>
 * State: the current {@link Value}; default initial state {@code nil}.
 *
 * <pre>{@code
 * Model<Value> m = new RegisterModel(Value.NIL);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RegisterModel implements Model<Value> {
    private final Value initial;

    public RegisterModel(Value initial) {
        this.initial = initial;
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public Value initial() {
        return initial;
    }

    @Override
    public Set<String> functions() {
        return Set.of("read", "write");
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("read");
    }

    @Override
    public Step<Value> step(Value state, Operation op) {
        if (op.f().equals("write")) {
            return Step.ok(op.value());
        }
        return RegisterReads.read(state, op, true);
    }
}
