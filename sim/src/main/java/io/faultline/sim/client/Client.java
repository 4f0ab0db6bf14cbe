package io.faultline.sim.client;

import io.faultline.checker.history.Value;
import io.faultline.sim.Context;
import io.faultline.sim.Process;
import io.faultline.sim.Timer;
import io.faultline.sim.TimerId;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Base of a recording client: a process with at most one operation in flight (Jepsen's processes
 * are single-threaded), whose operations time out into {@code info} automatically.
 *
 * <p>A subclass starts operations with {@link #begin}, sends its request carrying
 * {@link OpHandle#id()}, and completes with {@link #ok}/{@link #fail} when the matching reply
 * arrives (stale replies are ignored: those methods return false). When the current operation
 * times out it is recorded as {@code info}, the client takes a fresh process id, and
 * {@link #onIdle} is called, as after every completion, to start the next operation.
 *
 * <pre>{@code
 * final class EchoClient extends Client {
 *     EchoClient(Recorder rec, int process, HostId server) { super(rec, process, Simulation.SECONDS); ... }
 *     protected void onIdle(Context ctx) {
 *         OpHandle op = begin(ctx, "echo", Value.of(ctx.rng().nextInt(100)));
 *         ctx.send(server, new Ping(op.id(), op.value()));
 *     }
 *     public void onMessage(Context ctx, HostId from, Message m) {
 *         if (m instanceof Pong p) {
 *             ok(ctx, p.id(), p.value());
 *         }
 *     }
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public abstract class Client implements Process {
    /** The timer that expires the operation with this id. */
    public record OpTimeout(long opId) implements Timer {
    }

    private final Recorder recorder;
    private final long timeoutNanos;
    private int process;
    private OpHandle current;
    private TimerId timeout;

    protected Client(Recorder recorder, int process, long timeoutNanos) {
        this.recorder = recorder;
        this.process = process;
        this.timeoutNanos = timeoutNanos;
        // Reserved now, not at the first invocation: a client that times out before this one first
        // invokes must not be handed this process id as its fresh one.
        recorder.reserve(process);
    }

    /**
     * Calls {@link #onIdle} so that the first operation starts. After a crash of the client's host,
     * the restarted client's process id still has the lost operation open, so it continues as a
     * fresh process (as after an {@code info}).
     */
    @Override
    public void onStart(Context ctx) {
        if (recorder.hasOpen(process)) {
            process = recorder.freshProcess();
        }
        onIdle(ctx);
    }

    /** Called when no operation is in flight: at start and after each completion or timeout. */
    protected abstract void onIdle(Context ctx);

    /** Called for timers other than the operation timeout. */
    protected void onClientTimer(Context ctx, Timer t) {
    }

    @Override
    public final void onTimer(Context ctx, Timer t) {
        if (t instanceof OpTimeout ot) {
            if (current != null && current.id() == ot.opId()) {
                recorder.info(current, Value.NIL);
                current = null;
                timeout = null;
                process = recorder.freshProcess();
                onIdle(ctx);
            }
            return;
        }
        onClientTimer(ctx, t);
    }

    /** Invokes an operation; there must be none in flight. */
    protected final OpHandle begin(Context ctx, String f, Value value) {
        if (current != null) {
            throw new IllegalStateException("operation " + current.id() + " still in flight");
        }
        current = recorder.invoke(process, f, value);
        timeout = ctx.setTimer(timeoutNanos, new OpTimeout(current.id()));
        return current;
    }

    /** Completes operation {@code opId} as ok; false (nothing recorded) if it is not the one in flight. */
    protected final boolean ok(Context ctx, long opId, Value result) {
        return complete(ctx, opId, result, true);
    }

    /** Completes operation {@code opId} as failed (certainly not applied); false if stale. */
    protected final boolean fail(Context ctx, long opId, Value result) {
        return complete(ctx, opId, result, false);
    }

    /** The operation in flight, if any. */
    protected final Optional<OpHandle> current() {
        return Optional.ofNullable(current);
    }

    /** This client's current Jepsen process id. */
    protected final int process() {
        return process;
    }

    private boolean complete(Context ctx, long opId, Value result, boolean ok) {
        if (current == null || current.id() != opId) {
            return false;
        }
        if (ok) {
            recorder.ok(current, result);
        } else {
            recorder.fail(current, result);
        }
        current = null;
        ctx.cancel(timeout);
        timeout = null;
        onIdle(ctx);
        return true;
    }
}
