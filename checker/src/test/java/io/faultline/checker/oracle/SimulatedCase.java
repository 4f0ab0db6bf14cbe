package io.faultline.checker.oracle;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.gen.Gen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A history recorded from a random concurrent execution against a {@link SimObject}, sometimes
 * with a completion mutated (so that many histories are valid, and many are not).
 *
 * <p>The execution is a plan: a list of actions, each invoking on a process, applying some pending
 * operation to the object (its linearization point), or completing a process's operation as ok,
 * fail or info. Actions that do not apply at their turn are skipped, so any sub-list of a plan is
 * still a plan: shrinking the plan's list shrinks the history. An info completion crashes its
 * process (it invokes nothing more), but its operation may still be applied later, or never.
 *
 * @param model     the model name
 * @param processes how many processes the plan used
 * @param history   the recorded history
 * @param mutated   whether some completion was corrupted (otherwise it must be linearizable)
 * @param state     the object's state after the plan ({@link SimObject#state}): a read that follows
 *                  the whole history may see it, since the execution itself is a linearization in
 *                  which the ops not yet applied never take effect
 */
record SimulatedCase(String model, int processes, History history, boolean mutated, Value state) {

    record Action(int kind, int process, int a, int b) {
    }

    static Gen<SimulatedCase> cases(String model, int maxActions) {
        return Gen.integers(1, 5).flatMap(procs -> action(procs).list(1, maxActions)
                .map(plan -> run(model, procs, plan)));
    }

    private static Gen<Action> action(int processes) {
        return Gen.zip(Gen.tuple(Gen.integers(0, 2), Gen.integers(0, processes - 1)),
                Gen.tuple(Gen.integers(0, 63), Gen.integers(0, 63)),
                (t, u) -> new Action(t.first(), t.second(), u.first(), u.second()));
    }

    private static final class Pending {
        final int process;
        final SimObject.Invocation inv;
        Optional<Value> result;   // null until applied
        boolean applied;

        Pending(int process, SimObject.Invocation inv) {
            this.process = process;
            this.inv = inv;
        }
    }

    static SimulatedCase run(String model, int processes, List<Action> plan) {
        SimObject object = SimObjects.forModel(model);
        HistoryBuilder h = new HistoryBuilder();
        Pending[] busy = new Pending[processes];
        boolean[] crashed = new boolean[processes];
        List<Pending> applicable = new ArrayList<>();
        boolean mutated = false;
        long t = 0;
        for (Action act : plan) {
            int p = act.process();
            if (act.kind() == 0) {
                if (busy[p] == null && !crashed[p]) {
                    Pending op = new Pending(p, object.invoke(act.a(), act.b()));
                    busy[p] = op;
                    applicable.add(op);
                    h.invoke(p, op.inv.f(), op.inv.value(), t++);
                }
            } else if (act.kind() == 1) {
                if (!applicable.isEmpty()) {
                    Pending op = applicable.remove(act.a() % applicable.size());
                    op.result = object.apply(op.inv);
                    op.applied = true;
                }
            } else if (busy[p] != null) {
                Pending op = busy[p];
                busy[p] = null;
                if (act.a() % 10 == 0) {
                    crashed[p] = true;   // info: the op stays applicable, later or never
                    h.complete(p, OpType.INFO, op.inv.f(), op.inv.value(), t++);
                    continue;
                }
                if (!op.applied) {
                    applicable.remove(op);
                    op.result = object.apply(op.inv);
                    op.applied = true;
                }
                boolean mutate = act.b() % 9 == 0;
                if (op.result.isEmpty()) {
                    OpType type = mutate ? OpType.OK : OpType.FAIL;
                    mutated |= mutate;
                    h.complete(p, type, op.inv.f(), op.inv.value(), t++);
                } else if (mutate) {
                    Value wrong = object.corrupt(op.inv, op.result.get(), act.a());
                    mutated = true;
                    boolean same = wrong.equals(op.result.get());
                    h.complete(p, same ? OpType.FAIL : OpType.OK, op.inv.f(), same ? op.inv.value() : wrong, t++);
                } else {
                    h.complete(p, OpType.OK, op.inv.f(), op.result.get(), t++);
                }
            }
        }
        return new SimulatedCase(model, processes, h.build(), mutated, object.state());
    }

    /** Whether some {@code f} ended info or never ended: it may still take effect after the history. */
    boolean pendingAtEnd(String f) {
        Map<Integer, Op> open = new HashMap<>();
        boolean info = false;
        for (Op op : history) {
            if (op.type() == OpType.INVOKE) {
                open.put(op.process(), op);
            } else {
                Op inv = open.remove(op.process());
                info |= op.type() == OpType.INFO && inv != null && inv.f().equals(f);
            }
        }
        return info || open.values().stream().anyMatch(op -> op.f().equals(f));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("model " + model + ", " + processes + " processes, "
                + (mutated ? "mutated" : "not mutated") + ", final state " + state + ", history:\n");
        for (Op op : history) {
            b.append("  ").append(op).append('\n');
        }
        return b.toString();
    }
}
