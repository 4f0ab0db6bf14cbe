package io.faultline.checker.prepare;

import io.faultline.checker.model.Operation;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A history ready for the search: its {@link Operation}s (numbered 0..n-1 in invocation order) and
 * its events in real-time order, each the call or the return of one operation. Indeterminate
 * operations ({@code info}, or never completed) have a call and no return: they may take effect at
 * any point after their call, or never.
 *
 * <pre>{@code
 * PreparedHistory p = Preparer.prepare(history.ops(), model);
 * for (int e = 0; e < p.eventCount(); e++) {
 *     Operation op = p.operations().get(p.opOf(e));
 *     System.out.println((p.isCall(e) ? "call " : "return ") + op);
 * }
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PreparedHistory {
    private final List<Operation> operations;
    private final int[] events;

    /** {@code events[i] >= 0} is the call of that operation id, {@code < 0} the return of {@code ~events[i]}. */
    PreparedHistory(List<Operation> operations, int[] events) {
        this.operations = List.copyOf(operations);
        this.events = events.clone();
    }

    public List<Operation> operations() {
        return operations;
    }

    public int size() {
        return operations.size();
    }

    public int eventCount() {
        return events.length;
    }

    public boolean isCall(int event) {
        return events[event] >= 0;
    }

    /** The operation id the event is the call or return of. */
    public int opOf(int event) {
        int e = events[event];
        return e >= 0 ? e : ~e;
    }
}
