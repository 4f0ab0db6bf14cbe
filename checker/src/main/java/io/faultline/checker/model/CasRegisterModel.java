package io.faultline.checker.model;

import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A compare-and-set register, in two flavours.
 *
 * <ul>
 *   <li>{@code cas-register} (Knossos): {@code :read v} must see the current value, a {@code nil}
 *       read is unconstrained; {@code :write v}; {@code :cas [old new]} succeeds only when the
 *       register holds {@code old}; a failed cas did not happen and is dropped.</li>
 *   <li>{@code cas-register-etcd} (Porcupine's etcd corpus): a {@code nil} read means the register
 *       is absent (holds {@code nil}); a failed cas is kept as a constraint: the register did
 *       not hold {@code old}. An indeterminate ({@code info}) read is unconstrained.</li>
 * </ul>
 * State: the current {@link Value}; default initial state {@code nil} (absent).
 *
 * <pre>{@code
 * Model<Value> knossos = CasRegisterModel.knossos(Value.NIL);
 * Model<Value> etcd = CasRegisterModel.etcd(Value.NIL);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class CasRegisterModel implements Model<Value> {
    private final Value initial;
    private final boolean etcd;

    private CasRegisterModel(Value initial, boolean etcd) {
        this.initial = initial;
        this.etcd = etcd;
    }

    public static CasRegisterModel knossos(Value initial) {
        return new CasRegisterModel(initial, false);
    }

    public static CasRegisterModel etcd(Value initial) {
        return new CasRegisterModel(initial, true);
    }

    @Override
    public String name() {
        return etcd ? "cas-register-etcd" : "cas-register";
    }

    @Override
    public Value initial() {
        return initial;
    }

    @Override
    public Set<String> functions() {
        return Set.of("read", "write", "cas");
    }

    @Override
    public boolean keepsFailed(String f) {
        return etcd && f.equals("cas");
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("read") || op.outcome() == OpType.FAIL;
    }

    @Override
    public Step<Value> step(Value state, Operation op) {
        switch (op.f()) {
            case "write":
                return Step.ok(op.value());
            case "read":
                return RegisterReads.read(state, op, !etcd);
            default:
                return cas(state, op);
        }
    }

    private Step<Value> cas(Value state, Operation op) {
        if (!(op.value() instanceof Value.Vec v) || v.items().size() != 2) {
            return Step.inconsistent(() -> "cas needs [old new], got " + op.value());
        }
        Value old = v.items().get(0);
        boolean matches = old.equals(state);
        if (op.outcome() == OpType.FAIL) {
            return matches ? Step.inconsistent(() -> "cas " + v + " failed but the register held " + old)
                    : Step.ok(state);
        }
        return matches ? Step.ok(v.items().get(1))
                : Step.inconsistent(() -> "cas " + v + " but the register held " + state);
    }
}
