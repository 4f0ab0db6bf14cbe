package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * A timer a process sets for itself; like {@link Message}, each model declares a sealed interface
 * of records extending this one.
 *
 * <pre>{@code
 * sealed interface EchoTimer extends Timer permits Resend {}
 * record Resend(long id) implements EchoTimer {}
 * ...
 * ctx.setTimer(100 * Simulation.MILLIS, new Resend(7));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Timer {
}
