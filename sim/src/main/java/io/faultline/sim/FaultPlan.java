package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * A source of faults (a nemesis): installs its timed actions on a simulation before it runs, using
 * {@link Simulation#faultAt} (so that they still act when the plan is the run's only source of
 * faults, {@link Simulation#faultsOnlyFrom}) and the fault primitives of {@link Network}, {@link Host}, {@link Clock} and
 * {@link Disk} (each records itself in the trace). The {@code faults} module builds schedules as data
 * on top of this.
 *
 * <pre>{@code
 * FaultPlan plan = sim -> {
 *     sim.faultAt(5 * Simulation.SECONDS, "isolate n1", () -> sim.network().isolate(n1));
 *     sim.faultAt(9 * Simulation.SECONDS, "heal", () -> sim.network().healAll());
 * };
 * sim.install(plan);
 * }</pre>
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface FaultPlan {
    /** Plans nothing. */
    FaultPlan NONE = sim -> { };

    void install(Simulation sim);

    /**
     * Called by {@link Simulation#healAll()} for every installed plan, before it heals the network
     * and the hosts: stop injecting and undo what this plan did (when it is the run's only source of
     * faults, the heal's own calls take effect only if the plan claims them).
     */
    default void stop(Simulation sim) {
    }

    /**
     * Asked, when this plan is the run's only source of faults ({@link Simulation#faultsOnlyFrom}),
     * about each fault primitive call the scenario's own code makes at virtual time {@code now}:
     * true lets it take effect, as this plan's own. A plan that replays a run's saved calls claims
     * the call it holds for that very time, so that it lands where it first happened; by default a
     * plan claims nothing and the scenario's own calls are dropped.
     */
    default boolean claim(long now, FaultCall call) {
        return false;
    }

    /**
     * Applies, in order, the calls this plan holds for exactly {@code now} and has not applied: at a
     * liveness heal between run phases ({@link Simulation#healAll()}), what a replayed run did at
     * that moment beyond the heal's own calls. By default nothing.
     */
    default void applyAt(long now) {
    }
}
