package io.faultline.sim.client;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OnlineCheck;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.Simulation;

import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Records the history of a run in Jepsen's vocabulary, stamped with true virtual time: every
 * operation is {@link #invoke}d, then completed once with {@link #ok} (it happened), {@link #fail}
 * (it certainly did not) or {@link #info} (unknown: a timeout, a crash). One recorder per history,
 * shared by all the clients of a run.
 *
 * <pre>{@code
 * Recorder rec = new Recorder(sim);
 * OpHandle op = rec.invoke(0, "write", Value.of(3));
 * ...
 * rec.ok(op, Value.of(3));
 * History h = rec.history();
 * }</pre>
 *
 * <p>Operations still open at the end (or whose client crashed) stay as bare invocations, which
 * checkers treat as unknown.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Recorder {
    private final Simulation sim;
    private final HistoryBuilder builder = new HistoryBuilder();
    private final TreeMap<Long, OpHandle> open = new TreeMap<>();
    private final TreeMap<Integer, Long> openByProcess = new TreeMap<>();
    private long nextId;
    private int nextProcess;

    public Recorder(Simulation sim) {
        this.sim = sim;
    }

    /**
     * Records an invocation by {@code process}, which must have no operation open (Jepsen's
     * processes are single-threaded; after an {@code info} a client continues as a fresh process).
     */
    public OpHandle invoke(int process, String f, Value value) {
        if (openByProcess.containsKey(process)) {
            throw new IllegalStateException("process " + process + " still has operation "
                    + openByProcess.get(process) + " open");
        }
        OpHandle h = new OpHandle(nextId++, process, f, value, sim.now());
        open.put(h.id(), h);
        openByProcess.put(process, h.id());
        nextProcess = Math.max(nextProcess, process + 1);
        builder.invoke(process, f, value, sim.now());
        return h;
    }

    /** The operation happened, with this result value. */
    public void ok(OpHandle op, Value result) {
        complete(op, OpType.OK, result);
    }

    /** The operation certainly did not happen. */
    public void fail(OpHandle op, Value result) {
        complete(op, OpType.FAIL, result);
    }

    /** The outcome is unknown (timeout, crash); the process must not invoke again (see {@link #freshProcess}). */
    public void info(OpHandle op, Value result) {
        complete(op, OpType.INFO, result);
    }

    /** True until the operation is completed. */
    public boolean isOpen(OpHandle op) {
        return open.containsKey(op.id());
    }

    /** True if {@code process} has an operation open (e.g. it crashed mid-operation). */
    public boolean hasOpen(int process) {
        return openByProcess.containsKey(process);
    }

    /** Operations invoked and not yet completed. */
    public int openCount() {
        return open.size();
    }

    /** Marks {@code process} as taken, so that {@link #freshProcess} never hands it out. */
    public void reserve(int process) {
        nextProcess = Math.max(nextProcess, process + 1);
    }

    /** A process id never used so far (a client takes one after an {@code info}, as Jepsen does). */
    public int freshProcess() {
        return nextProcess++;
    }

    /**
     * Feeds every op recorded from now on to {@code check}, which judges the run as it goes
     * (issue 18); only before the first op ({@link HistoryBuilder#listen}).
     */
    public void listen(OnlineCheck<?> check) {
        builder.listen(check);
    }

    /** The history so far. */
    public History history() {
        return builder.build();
    }

    /** Number of events (invocations and completions) recorded. */
    public int size() {
        return builder.size();
    }

    private void complete(OpHandle op, OpType type, Value result) {
        if (open.remove(op.id()) == null) {
            throw new IllegalStateException("operation " + op.id() + " (" + op.f() + ") is not open");
        }
        openByProcess.remove(op.process());
        builder.complete(op.process(), type, op.f(), result, sim.now());
    }
}
