package io.faultline.sim.scenario;

import io.faultline.sim.Bounds;
import io.faultline.sim.FaultPlan;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What to run: a seed, a virtual duration and the settings. With the scenario's name, this is all
 * it takes to replay a run exactly. It also carries the run's {@link Bounds} (including a caller's
 * {@link io.faultline.sim.Budget}, such as a wall-clock limit): they never change a run they do
 * not stop, so they are not part of what a replay repeats.
 *
 * @param seed          the root seed
 * @param durationNanos virtual time to run for
 * @param settings      the scenario's settings
 * @param faults        an explicit fault plan (e.g. a replayed fault schedule) that replaces the
 *                      faults the scenario would otherwise inject: {@link ScenarioRun} makes it the
 *                      run's only source of faults ({@link io.faultline.sim.Simulation#faultsOnlyFrom}),
 *                      so the scenario's own fault calls are dropped; a scenario with a liveness
 *                      phase calls {@code sim.healAll()} before it, between run phases
 * @param bounds        the limits of the run's simulation ({@link ScenarioRun} builds it with them)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RunSpec(long seed, long durationNanos, Settings settings, Optional<FaultPlan> faults, Bounds bounds) {
    public RunSpec {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(bounds, "bounds");
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("duration must be positive");
        }
    }

    /** A spec with the scenario's own faults. */
    public RunSpec(long seed, long durationNanos, Settings settings) {
        this(seed, durationNanos, settings, Optional.empty());
    }

    /** A spec with the default bounds. */
    public RunSpec(long seed, long durationNanos, Settings settings, Optional<FaultPlan> faults) {
        this(seed, durationNanos, settings, faults, Bounds.DEFAULT);
    }

    /** The same spec with {@code plan} instead of the scenario's own faults. */
    public RunSpec withFaults(FaultPlan plan) {
        return new RunSpec(seed, durationNanos, settings, Optional.of(plan), bounds);
    }

    /** The same spec run within {@code b} (e.g. {@code Bounds.DEFAULT.withBudget(wallClock)}). */
    public RunSpec withBounds(Bounds b) {
        return new RunSpec(seed, durationNanos, settings, faults, b);
    }
}
