package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * What a model or a student writes: a state machine that reacts to its start, to messages and to
 * its own timers, through a {@link Context}.
 *
 * <p>Contract:
 * <ul>
 *   <li>Handlers run to completion and never block, sleep or start threads; the simulator runs one
 *       handler at a time, on one thread, in virtual time.</li>
 *   <li>All effects go through the {@link Context}: sending, timers, the disk, randomness, time.
 *       Use {@code ctx.rng()} and {@code ctx.now()}, never {@code java.util.Random} or the wall
 *       clock (a build rule rejects them).</li>
 *   <li>State in fields is volatile memory: a crash discards the process object; a restart builds
 *       a new one from the {@link ProcessFactory}, which must recover from {@code ctx.disk()} in
 *       {@link #onStart}.</li>
 *   <li>Messages may be lost, duplicated, delayed or reordered (see {@link Network}).</li>
 * </ul>
 *
 * <pre>{@code
 * final class EchoServer implements Process {
 *     public void onStart(Context ctx) { ctx.log("up"); }
 *
 *     public void onMessage(Context ctx, HostId from, Message m) {
 *         if (m instanceof Ping p) {
 *             ctx.send(from, new Pong(p.id(), p.text()));
 *         }
 *     }
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Process {
    /** Called once per incarnation: at the host's start and after each restart. */
    default void onStart(Context ctx) {
    }

    /** Called when a message from {@code from} is delivered to this host. */
    void onMessage(Context ctx, HostId from, Message m);

    /** Called when a timer this incarnation set fires (unless it was cancelled). */
    default void onTimer(Context ctx, Timer t) {
    }
}
