package io.faultline.sim;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A limit set from outside the simulation, such as the command line's wall-clock time limit. The
 * simulation asks it between batches of events ({@link Bounds#BUDGET_EVERY} events) and stops the
 * run with {@link RunStatus#BUDGET_SPENT} once it answers with a reason. What it reads never enters
 * the trace, so a run it does not stop is the same run as without it; a run it stops is UNKNOWN.
 *
 * <pre>{@code
 * long deadline = System.nanoTime() + limitNanos;   // allowed in the CLI, never in sim/ or models/
 * Budget wall = now -> System.nanoTime() > deadline ? Optional.of("time limit 20s reached") : Optional.empty();
 * }</pre>
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface Budget {
    /** Never spent. */
    Budget NONE = virtualNanos -> Optional.empty();

    /**
     * Why the run must stop now, or empty to go on.
     *
     * @param virtualNanos the simulation's virtual time, e.g. for a progress line
     */
    Optional<String> spent(long virtualNanos);
}
