package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * A source of faults (a nemesis): installs its timed actions on a simulation before it runs, using
 * {@link Simulation#at} and the fault primitives of {@link Network}, {@link Host}, {@link Clock} and
 * {@link Disk} (each records itself in the trace). The {@code faults} module builds schedules as data
 * on top of this.
 *
 * <pre>{@code
 * FaultPlan plan = sim -> {
 *     sim.at(5 * Simulation.SECONDS, "isolate n1", () -> sim.network().isolate(n1));
 *     sim.at(9 * Simulation.SECONDS, "heal", () -> sim.network().healAll());
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
     * and the hosts: stop injecting and undo what that does not (slow links, clocks, full disks).
     */
    default void stop(Simulation sim) {
    }
}
