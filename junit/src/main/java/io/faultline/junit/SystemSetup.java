package io.faultline.junit;

import io.faultline.faults.Trial;
import org.apiguardian.api.API;

/**
 * Builds the system of each seed before the test method runs and exposes its handles (a client, a
 * cluster) so the method can take them as parameters. Built once per test method (it needs a
 * no-argument constructor) and called once per run of a seed, shrinking reruns included, each time
 * on a fresh {@link Trial}; the method then receives the handles of that very run.
 *
 * <pre>{@code
 * public final class ThreeReplicas implements SystemSetup {
 *     public void setUp(Trial trial, Handles handles) {
 *         Register r = Register.start(trial.simulation(), 3);
 *         trial.faults(FaultSpace.of(4 * Simulation.SECONDS, List.of(new Target.Role("primary"))));
 *         handles.expose(Register.class, r);
 *     }
 * }
 *
 * @SimulationTest(seeds = 500, hooks = ThreeReplicas.class)
 * void noStaleRead(Trial trial, Register r) {
 *     trial.check("no stale read", r::staleRead);
 * }
 * }</pre>
 *
 * <p>Only the build-it-yourself style has handles: a catalog scenario's
 * {@link io.faultline.sim.scenario.RunResult} carries its histories and checks, not the model's
 * objects, so there is nothing to expose there.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface SystemSetup extends SimulationHook {
    /** Builds the system on {@code trial} and exposes what the test method may take as parameters. */
    void setUp(Trial trial, Handles handles);
}
