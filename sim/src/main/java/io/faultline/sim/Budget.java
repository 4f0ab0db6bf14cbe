package io.faultline.sim;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A limit set from outside the simulation, such as the command line's wall-clock time limit. The
 * simulation asks it between batches of events ({@link Bounds#BUDGET_EVERY} events) and stops the
 * run with {@link RunStatus#BUDGET_SPENT} once it answers with a reason. What it reads never enters
 * the trace, so a run it does not stop is the same run as without it; a run it stops is UNKNOWN.
 * The checks a scenario runs once its simulation stopped ask it too ({@link #forChecks}): a
 * wall-clock limit bounds the whole run, its checks included.
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

    /**
     * The wall-clock time a check after the run may take: {@code wanted}, or less if this budget
     * has less left; empty (the check is not run, it is UNKNOWN) once it is spent. Checks that
     * search (linearizability) ask it; this default never shortens them.
     */
    default Optional<Duration> forChecks(Duration wanted) {
        return Optional.of(wanted);
    }
}
