package io.faultline.checker.model;

import io.faultline.checker.history.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A FIFO queue ({@code fifo-queue}): {@code :enqueue v} appends; {@code :dequeue v} must take the
 * head, which must be {@code v}; an ok {@code :dequeue nil} means the queue was empty; an
 * indeterminate {@code :dequeue nil} takes whatever was at the head (or nothing when empty). State:
 * an immutable {@code List<Value>}, head first; default initial state empty.
 *
 * <pre>{@code
 * Model<List<Value>> m = new FifoQueueModel(List.of());
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class FifoQueueModel implements Model<List<Value>> {
    private final List<Value> initial;

    public FifoQueueModel(List<Value> initial) {
        this.initial = List.copyOf(initial);
    }

    @Override
    public String name() {
        return "fifo-queue";
    }

    @Override
    public List<Value> initial() {
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
    public Step<List<Value>> step(List<Value> queue, Operation op) {
        if (op.f().equals("enqueue")) {
            List<Value> next = new ArrayList<>(queue);
            next.add(op.value());
            return Step.ok(List.copyOf(next));
        }
        Value v = op.value();
        if (v.isNil()) {
            if (queue.isEmpty()) {
                return Step.ok(queue);
            }
            return op.isIndeterminate() ? Step.ok(List.copyOf(queue.subList(1, queue.size())))
                    : Step.inconsistent(() -> "dequeue found nothing but the queue held " + queue);
        }
        if (!queue.isEmpty() && queue.get(0).equals(v)) {
            return Step.ok(List.copyOf(queue.subList(1, queue.size())));
        }
        return Step.inconsistent(() -> "dequeue " + v + " but the queue held " + queue);
    }
}
