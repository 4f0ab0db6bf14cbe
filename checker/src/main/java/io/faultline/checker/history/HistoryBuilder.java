package io.faultline.checker.history;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Appends ops in the order they happen, numbering them; what a recording client uses. Ops are kept
 * encoded, a few bytes each, and beyond a bounded buffer in a temporary spill file, so that a long
 * run's history does not grow the heap (issue 18); {@link #build} reads them back a page at a time.
 *
 * <pre>{@code
 * HistoryBuilder h = new HistoryBuilder();
 * h.invoke(0, "write", Value.of(1), 10);
 * h.complete(0, OpType.OK, "write", Value.of(1), 20);
 * History history = h.build();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class HistoryBuilder {
    private final OpPages ops = new OpPages();
    private final List<OnlineCheck<?>> listeners = new ArrayList<>();

    /**
     * Feeds every op appended from now on to {@code check} as well; only before the first op, so
     * that a check sees the whole history.
     *
     * @throws IllegalStateException when ops were already appended
     */
    public void listen(OnlineCheck<?> check) {
        if (ops.size() > 0) {
            throw new IllegalStateException("an online check must listen from the first op; "
                    + ops.size() + " are recorded already");
        }
        listeners.add(check);
    }

    public Op invoke(int process, String f, Value value, long nanos) {
        return add(new Op(ops.size(), process, OpType.INVOKE, f, value, java.util.OptionalLong.of(nanos)));
    }

    public Op complete(int process, OpType type, String f, Value value, long nanos) {
        if (!type.isCompletion()) {
            throw new IllegalArgumentException("not a completion: " + type);
        }
        return add(new Op(ops.size(), process, type, f, value, java.util.OptionalLong.of(nanos)));
    }

    public Op add(Op op) {
        Op numbered = op.index() == ops.size() ? op : op.withIndex(ops.size());
        ops.add(numbered);
        for (OnlineCheck<?> l : listeners) {
            l.accept(numbered);
        }
        return numbered;
    }

    public int size() {
        return (int) ops.size();
    }

    /** The ops so far; appends after this call do not change it. */
    public History build() {
        return History.ofNumbered(ops.snapshot());
    }
}
