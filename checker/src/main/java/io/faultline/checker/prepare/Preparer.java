package io.faultline.checker.prepare;

import io.faultline.checker.model.Operation;
import io.faultline.checker.history.HistoryException;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Turns raw ops into a {@link PreparedHistory}, with Knossos' rules: invocations and completions
 * are paired per process; an {@code ok}'s value fills its invocation's {@code nil} parts; a
 * {@code fail} did not happen and is dropped (unless the model {@link Model#keepsFailed keeps} that
 * {@code f} as a constraint); an {@code info}, or an invocation never completed, may take effect at
 * any point after its invocation (no return event). Jepsen gives a process whose operation ended in
 * {@code info} a new id; a history that reuses the id afterwards is accepted too (the next
 * invocation simply starts after the info), since that loses nothing.
 *
 * <pre>{@code
 * PreparedHistory p = Preparer.prepare(history.ops(), Models.byName("cas-register"));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Preparer {
    private Preparer() {
    }

    private record Pending(Op invoke, int slot) {
    }

    /**
     * Prepares {@code ops} (in real-time order) for {@code model}.
     *
     * @throws HistoryException naming the op index, for a completion without invocation, a second
     *                          invocation on a busy process, a completion whose {@code f} differs,
     *                          or an {@code f} the model does not know
     */
    public static PreparedHistory prepare(List<Op> ops, Model<?> model) {
        // First pass: pair, and decide which invocations survive (fail ones may be dropped).
        Map<Integer, Pending> pending = new HashMap<>();
        Op[] completionOf = new Op[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            checkF(op, model);
            if (op.type() == OpType.INVOKE) {
                Pending busy = pending.get(op.process());
                if (busy != null) {
                    throw new HistoryException(op.index(), "process " + op.process()
                            + " invoked :" + op.f() + " while its op " + busy.invoke().index()
                            + " (:" + busy.invoke().f() + ") has not completed");
                }
                pending.put(op.process(), new Pending(op, i));
            } else {
                Pending p = pending.remove(op.process());
                if (p == null) {
                    throw new HistoryException(op.index(), "completion :" + op.type().keyword()
                            + " :" + op.f() + " of process " + op.process()
                            + " without a pending invocation");
                }
                if (!p.invoke().f().equals(op.f())) {
                    throw new HistoryException(op.index(), "completion :" + op.f() + " of process "
                            + op.process() + " does not match its invocation :" + p.invoke().f()
                            + " (op " + p.invoke().index() + ")");
                }
                completionOf[p.slot()] = op;
            }
        }
        // Second pass: number surviving operations in invocation order and emit events.
        int[] idOfSlot = new int[ops.size()];
        List<Operation> operations = new ArrayList<>();
        List<Integer> events = new ArrayList<>();
        Map<Integer, Integer> openSlot = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.type() == OpType.INVOKE) {
                Op done = completionOf[i];
                idOfSlot[i] = -1;
                if (done != null && done.type() == OpType.FAIL && !model.keepsFailed(op.f())) {
                    continue;
                }
                int id = operations.size();
                idOfSlot[i] = id;
                operations.add(operation(id, op, done));
                events.add(id);
                openSlot.put(op.process(), i);
            } else {
                Integer slot = openSlot.remove(op.process());
                if (slot != null && op.type() != OpType.INFO) {
                    events.add(~idOfSlot[slot]);
                }
            }
        }
        int[] ev = new int[events.size()];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = events.get(i);
        }
        return new PreparedHistory(operations, ev);
    }

    private static Operation operation(int id, Op invoke, Op done) {
        if (done == null) {
            return new Operation(id, invoke.process(), invoke.f(), invoke.value(), OpType.INFO,
                    invoke, Optional.empty());
        }
        Value value = done.type() == OpType.OK ? fill(invoke.value(), done.value()) : invoke.value();
        return new Operation(id, invoke.process(), invoke.f(), value, done.type(), invoke,
                Optional.of(done));
    }

    /** The invocation's value with its nil parts taken from the completion's (recursively in vectors). */
    static Value fill(Value invoked, Value completed) {
        if (invoked.isNil()) {
            return completed;
        }
        if (invoked instanceof Value.Vec a && completed instanceof Value.Vec b
                && a.items().size() == b.items().size()) {
            List<Value> out = new ArrayList<>(a.items().size());
            for (int i = 0; i < a.items().size(); i++) {
                out.add(fill(a.items().get(i), b.items().get(i)));
            }
            return Value.vec(out);
        }
        return invoked;
    }

    private static void checkF(Op op, Model<?> model) {
        if (!model.functions().contains(op.f())) {
            throw new HistoryException(op.index(), "model " + model.name() + " has no operation :"
                    + op.f() + "; allowed: " + String.join(", ", new TreeSet<>(model.functions())));
        }
    }
}
