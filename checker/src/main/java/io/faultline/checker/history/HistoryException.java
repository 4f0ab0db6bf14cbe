package io.faultline.checker.history;

import org.apiguardian.api.API;

/**
 * A history the checker cannot interpret: a completion without invocation, two invocations on one
 * process without completion, a completion whose {@code f} differs from its invocation's, or an
 * {@code f} the model does not know. The message names the op index; {@link #opIndex()} gives it.
 *
 * <pre>{@code
 * try { Linearizability.check(history, model); }
 * catch (HistoryException e) { System.err.println(e.getMessage()); }  // "op 7: ..."
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class HistoryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long opIndex;

    public HistoryException(long opIndex, String problem) {
        super("op " + opIndex + ": " + problem);
        this.opIndex = opIndex;
    }

    /** Index in the history of the offending op. */
    public long opIndex() {
        return opIndex;
    }
}
