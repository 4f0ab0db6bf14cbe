package io.faultline.sim;

import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * A progress property: after the faults heal, the system must make progress within a bound. Run it
 * in a liveness phase with every fault source off (e.g. after {@link Simulation#healAll()}).
 *
 * <pre>{@code
 * sim.healAll();
 * long before = acked.size();
 * CheckResult live = Liveness.await(sim, "writes resume after heal", () -> acked.size() > before,
 *         10 * Simulation.SECONDS);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Liveness {
    private Liveness() {
    }

    /**
     * Runs the simulation until {@code progressed} is true (VALID), {@code boundNanos} of virtual
     * time passed without it (INVALID), or a hard bound or an invariant stopped the run (UNKNOWN).
     */
    public static CheckResult await(Simulation sim, String name, BooleanSupplier progressed, long boundNanos) {
        long start = sim.now();
        RunStatus status = sim.runUntil(progressed, start + boundNanos);
        if (status == RunStatus.CONDITION_MET) {
            long waited = sim.now() - start;
            // Zero means the property already held when the check began: no wait was needed.
            return CheckResult.valid(name, waited == 0
                    ? "already held when checked at " + SimTime.format(start)
                    : "progress " + SimTime.format(waited) + " after the check began at " + SimTime.format(start));
        }
        if (status == RunStatus.LIMIT_REACHED) {
            return CheckResult.invalid(name, "no progress within " + SimTime.format(boundNanos) + " of "
                    + SimTime.format(start));
        }
        return CheckResult.unknown(name, "run stopped: " + status);
    }
}
