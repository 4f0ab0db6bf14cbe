package io.faultline.checker.model;

import io.faultline.checker.history.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A queue without order ({@code unordered-queue}, a multiset): {@code :enqueue v} adds one
 * {@code v}; {@code :dequeue v} removes one {@code v}, which must be present; an ok
 * {@code :dequeue nil} means it was empty; an indeterminate {@code :dequeue nil} removed any one
 * element, which makes this model nondeterministic ({@link Step.AnyOf}). State: an immutable
 * {@code Map<Value, Integer>} of counts; default initial state empty.
 *
 * <pre>{@code
 * Model<Map<Value, Integer>> m = new UnorderedQueueModel(List.of());
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class UnorderedQueueModel implements Model<Map<Value, Integer>> {
    private final Map<Value, Integer> initial;

    public UnorderedQueueModel(List<Value> initial) {
        Map<Value, Integer> counts = new HashMap<>();
        for (Value v : initial) {
            counts.merge(v, 1, Integer::sum);
        }
        this.initial = Map.copyOf(counts);
    }

    @Override
    public String name() {
        return "unordered-queue";
    }

    @Override
    public Map<Value, Integer> initial() {
        return initial;
    }

    @Override
    public Set<String> functions() {
        return Set.of("enqueue", "dequeue");
    }

    @Override
    public boolean readOnly(Operation op) {
        // An ok dequeue of nothing is only possible on an empty queue, which it leaves empty.
        return op.f().equals("dequeue") && op.value().isNil() && !op.isIndeterminate();
    }

    @Override
    public Step<Map<Value, Integer>> step(Map<Value, Integer> bag, Operation op) {
        if (op.f().equals("enqueue")) {
            return Step.ok(change(bag, op.value(), +1));
        }
        Value v = op.value();
        if (v.isNil()) {
            if (bag.isEmpty()) {
                return Step.ok(bag);
            }
            if (!op.isIndeterminate()) {
                return Step.inconsistent(() -> "dequeue found nothing but the queue held " + bag);
            }
            Set<Map<Value, Integer>> any = new HashSet<>();
            for (Value e : bag.keySet()) {
                any.add(change(bag, e, -1));
            }
            return Step.anyOf(any);
        }
        if (bag.containsKey(v)) {
            return Step.ok(change(bag, v, -1));
        }
        return Step.inconsistent(() -> "dequeue " + v + " but the queue held " + bag);
    }

    private static Map<Value, Integer> change(Map<Value, Integer> bag, Value v, int delta) {
        Map<Value, Integer> next = new HashMap<>(bag);
        int n = next.getOrDefault(v, 0) + delta;
        if (n == 0) {
            next.remove(v);
        } else {
            next.put(v, n);
        }
        return Map.copyOf(next);
    }
}
