package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * A process's only window on the world, valid during the handler call it was passed to (and for
 * the whole incarnation of the process; a crashed incarnation's context does nothing).
 *
 * <pre>{@code
 * public void onMessage(Context ctx, HostId from, Message m) {
 *     if (m instanceof Put p) {
 *         ctx.disk().write("data/" + p.key(), p.bytes());
 *         ctx.disk().fsync(new Synced(from, p.id()));      // onTimer(Synced) once durable
 *     }
 * }
 * public void onTimer(Context ctx, Timer t) {
 *     if (t instanceof Synced s) {
 *         ctx.send(s.client(), new PutOk(s.id()));
 *         TimerId retry = ctx.setTimer(50 * Simulation.MILLIS, new Retry());
 *         ctx.cancel(retry);
 *     }
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Context {
    /** This host. */
    HostId self();

    /** This host's local clock time in nanoseconds (skewed, drifting, may jump; see {@link Clock}). */
    long now();

    /** Sends a message; it may be lost, delayed, duplicated or reordered (see {@link Network}). */
    void send(HostId to, Message m);

    /**
     * Sets a timer that fires {@code onTimer(t)} after {@code delayNanos} of this host's local clock
     * (so clock drift stretches it; clock jumps do not move it). Dropped if the host crashes.
     */
    TimerId setTimer(long delayNanos, Timer t);

    /** Cancels a pending timer; returns false if it had already fired or been cancelled. */
    boolean cancel(TimerId id);

    /** This host's random stream (a fork of the simulation's root {@link Rng}). */
    Rng rng();

    /** This host's disk (it survives crashes, except for unsynced writes). */
    Disk disk();

    /** Writes a line to the trace, tagged with this host and the virtual time. */
    void log(String line);
}
