package io.faultline.checker.model;

import io.faultline.checker.history.Value;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Several named registers read and written together ({@code multi-register}, after Knossos'):
 * not split per key, because a transaction touches several registers atomically.
 *
 * <ul>
 *   <li>{@code :txn [[:read k v] [:write k v] ...]}: micro-operations applied in order, atomically
 *       ({@code :r}/{@code :w} are accepted too); a read of {@code nil} is unconstrained;</li>
 *   <li>{@code :read [k v]} and {@code :write [k v]}: one register.</li>
 * </ul>
 * A register never written holds {@code nil}. State: an immutable {@code Map<Value, Value>};
 * default initial state empty.
 *
 * <pre>{@code
 * Model<Map<Value, Value>> m = new MultiRegisterModel(Map.of());
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class MultiRegisterModel implements Model<Map<Value, Value>> {
    private final Map<Value, Value> initial;

    public MultiRegisterModel(Map<Value, Value> initial) {
        this.initial = Map.copyOf(initial);
    }

    @Override
    public String name() {
        return "multi-register";
    }

    @Override
    public Map<Value, Value> initial() {
        return initial;
    }

    @Override
    public Set<String> functions() {
        return Set.of("txn", "read", "write");
    }

    @Override
    public boolean readOnly(Operation op) {
        if (op.f().equals("read")) {
            return true;
        }
        if (!op.f().equals("txn") || !(op.value() instanceof Value.Vec v)) {
            return false;
        }
        for (Value m : v.items()) {
            if (!(m instanceof Value.Vec mv) || mv.items().isEmpty()
                    || !(mv.items().get(0).equals(Value.kw("r")) || mv.items().get(0).equals(Value.kw("read")))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Step<Map<Value, Value>> step(Map<Value, Value> state, Operation op) {
        if (!(op.value() instanceof Value.Vec v)) {
            return Step.inconsistent(() -> ":" + op.f() + " needs a vector, got " + op.value());
        }
        if (!op.f().equals("txn")) {
            return micro(state, op.f(), v, op.isIndeterminate());
        }
        Map<Value, Value> s = state;
        for (Value m : v.items()) {
            if (!(m instanceof Value.Vec mv) || mv.items().size() != 3) {
                return Step.inconsistent(() -> "txn micro-op must be [f k v], got " + m);
            }
            String f = mv.items().get(0) instanceof Value.Kw kw ? kw.name() : mv.items().get(0).toString();
            Step<Map<Value, Value>> r = micro(s, f, new Value.Vec(mv.items().subList(1, 3)), op.isIndeterminate());
            if (!(r instanceof Step.Ok<Map<Value, Value>> ok)) {
                return r;
            }
            s = ok.state();
        }
        return Step.ok(s);
    }

    private static Step<Map<Value, Value>> micro(Map<Value, Value> s, String f, Value.Vec kv, boolean unknown) {
        if (kv.items().size() != 2) {
            return Step.inconsistent(() -> "expected [k v], got " + kv);
        }
        Value k = kv.items().get(0);
        Value v = kv.items().get(1);
        if (f.equals("write") || f.equals("w")) {
            return Step.ok(KeyedValues.with(s, k, v));
        }
        if (f.equals("read") || f.equals("r")) {
            Value current = s.getOrDefault(k, Value.NIL);
            return unknown || v.isNil() || v.equals(current) ? Step.ok(s)
                    : Step.inconsistent(() -> "read " + k + " = " + v + " but it held " + current);
        }
        return Step.inconsistent(() -> "unknown micro-op " + f + "; allowed: read, write, r, w");
    }
}
