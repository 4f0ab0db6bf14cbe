package io.faultline.checker.oracle;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Step;
import io.faultline.checker.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The definition of linearizability, executed: tries every order of the operations consistent with
 * real time (an operation may come next only if no other remaining operation returned before it
 * was called), with indeterminate operations optionally left out, applying the model step by step.
 * Independent of the checker's preparation and searches (its own pairing, no partitioning), and
 * exponential: for small histories only. Failed prefixes are remembered per (remaining set, states)
 * so that a dozen operations stay cheap; that changes the cost, not the answer.
 */
public final class BruteForceOracle {
    private final Model<Object> model;
    private final List<Operation> ops = new ArrayList<>();
    private final List<Integer> call = new ArrayList<>();
    private final List<Integer> ret = new ArrayList<>();
    private final Set<Memo> failed = new HashSet<>();
    private final Map<Set<Object>, Integer> stateIds = new HashMap<>();

    @SuppressWarnings("unchecked")
    private BruteForceOracle(Model<?> model, History h) {
        this.model = (Model<Object>) model;
        Map<Integer, Integer> open = new HashMap<>();
        Map<Integer, Op> invokes = new HashMap<>();
        List<Op> completions = new ArrayList<>();
        for (Op op : h) {
            if (op.type() == OpType.INVOKE) {
                invokes.put((int) op.index(), op);
                open.put(op.process(), (int) op.index());
                completions.add(null);
            } else {
                completions.add(null);
                Integer inv = open.remove(op.process());
                completions.set(inv, op);
            }
        }
        for (Op op : h) {
            if (op.type() != OpType.INVOKE) {
                continue;
            }
            Op done = completions.get((int) op.index());
            OpType outcome = done == null ? OpType.INFO : done.type();
            if (outcome == OpType.FAIL && !model.keepsFailed(op.f())) {
                continue;
            }
            Value v = outcome == OpType.OK ? merge(op.value(), done.value()) : op.value();
            ops.add(new Operation(ops.size(), op.process(), op.f(), v, outcome, op, Optional.ofNullable(done)));
            call.add((int) op.index());
            ret.add(outcome == OpType.INFO ? Integer.MAX_VALUE : (int) done.index());
        }
        if (ops.size() > 62) {
            throw new IllegalArgumentException("too many operations for brute force: " + ops.size());
        }
    }

    private static Value merge(Value invoked, Value completed) {
        if (invoked.isNil()) {
            return completed;
        }
        if (invoked instanceof Value.Vec a && completed instanceof Value.Vec b && a.items().size() == b.items().size()) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < a.items().size(); i++) {
                out.add(merge(a.items().get(i), b.items().get(i)));
            }
            return Value.vec(out);
        }
        return invoked;
    }

    private record Memo(long remaining, int states) {
    }

    /** Whether {@code h} is linearizable for {@code model}. */
    public static boolean isLinearizable(History h, Model<?> model) {
        BruteForceOracle o = new BruteForceOracle(model, h);
        long all = o.ops.size() == 64 ? -1L : (1L << o.ops.size()) - 1;
        return o.search(all, Set.of(o.model.initial()));
    }

    private boolean search(long remaining, Set<Object> states) {
        boolean onlyIndeterminate = true;
        int earliestReturn = Integer.MAX_VALUE;
        for (int i = 0; i < ops.size(); i++) {
            if ((remaining & (1L << i)) != 0) {
                earliestReturn = Math.min(earliestReturn, ret.get(i));
                onlyIndeterminate &= ret.get(i) == Integer.MAX_VALUE;
            }
        }
        if (onlyIndeterminate) {
            return true;   // what is left may never have taken effect
        }
        Memo memo = new Memo(remaining, stateIds.computeIfAbsent(states, s -> stateIds.size()));
        if (failed.contains(memo)) {
            return false;
        }
        for (int i = 0; i < ops.size(); i++) {
            if ((remaining & (1L << i)) == 0 || call.get(i) > earliestReturn) {
                continue;
            }
            Set<Object> next = new HashSet<>();
            for (Object s : states) {
                Step<Object> r = model.step(s, ops.get(i));
                if (r instanceof Step.Ok<Object> ok) {
                    next.add(ok.state());
                } else if (r instanceof Step.AnyOf<Object> any) {
                    next.addAll(any.states());
                }
            }
            if (!next.isEmpty() && search(remaining & ~(1L << i), Set.copyOf(next))) {
                return true;
            }
        }
        failed.add(memo);
        return false;
    }
}
