package io.faultline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.apiguardian.api.API;

/**
 * Runs a simulated system over many seeds, each under its own generated fault schedule, each seed
 * reported as its own test ({@code seed 17}), so IDEs and Surefire show which seed failed. A failing
 * seed's schedule is shrunk to a minimal one that still fails the same check, and the failure names
 * the seed, the shrunk schedule (also written as a JSON file), the HTML report and a ready-to-paste
 * {@link Replay} annotation.
 *
 * <p>Build your own system in the method, on the {@link io.faultline.faults.Trial} it receives; the
 * extension runs it after the method returns (a safety phase under the faults, then a liveness
 * phase with every fault source off) and fails the seed if a check is INVALID:
 *
 * <pre>{@code
 * @SimulationTest(seeds = 500)
 * void acknowledgedWritesAreNeverLost(Trial trial) {
 *     Register r = Register.start(trial.simulation(), 3);
 *     trial.faults(FaultSpace.of(4 * Simulation.SECONDS, List.of(new Target.Role("primary"))))
 *          .check("no stale read", r::staleRead)
 *          .progress("writes succeed again", r::wroteAfterHeal, 5 * Simulation.SECONDS);
 * }
 * }</pre>
 *
 * <p>Or run a scenario of a catalog by name and assert on its {@link io.faultline.sim.scenario.RunResult}
 * (an INVALID check fails the seed even without assertions). This one fails, as it should: the
 * demo's nodes keep acknowledged values in memory only, and seed 2's generated faults crash a server
 * for 1 ms, which forgets them (the docs build runs this exact text; see "Testing your own system"):
 *
 * <pre>{@code
 * @SimulationTest(scenario = "demo/broadcast", seeds = 1000)
 * void everyAckedValueArrives(RunResult result) {
 *     assertEquals(Outcome.VALID, result.outcome());
 * }
 * }</pre>
 *
 * <p>Parameters the extension resolves: {@link io.faultline.faults.Trial} and
 * {@link io.faultline.sim.Simulation} (built-in-the-method style), {@link io.faultline.sim.scenario.RunResult}
 * (scenario style), {@link io.faultline.faults.FaultSchedule} (the seed's schedule, either style),
 * {@code long} for the seed, and in the built-in-the-method style any handle (a client, a cluster) a
 * {@link SystemSetup} hook exposed for that seed's run, optionally marked {@link Handle}:
 *
 * <pre>{@code
 * @SimulationTest(seeds = 500, hooks = ThreeReplicas.class)
 * void noStaleRead(Trial trial, @Handle Register r) {
 *     trial.check("no stale read", r::staleRead);
 * }
 * }</pre>
 *
 * <p>{@code -Dfaultline.seeds=N} overrides {@link #seeds()} and {@code -Dfaultline.firstSeed=S}
 * overrides {@link #firstSeed()}, for every test (a lab grader runs its hidden seeds this way).
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(SimulationExtension.class)
@API(status = API.Status.STABLE, since = "0.1")
public @interface SimulationTest {

    /** A catalog scenario's name, e.g. {@code demo/broadcast}; empty: the method builds the system. */
    String scenario() default "";

    /** How many seeds to run; {@code -Dfaultline.seeds=N} overrides it for every test. */
    int seeds() default 1000;

    /** The first seed; seeds run from it upwards; {@code -Dfaultline.firstSeed=S} overrides it for every test. */
    long firstSeed() default 1;

    /** Settings of a catalog scenario, as {@code key=value}. */
    String[] settings() default {};

    /** A catalog scenario's virtual duration, e.g. {@code 30s}; empty: its default. */
    String duration() default "";

    /** Stop after the first failing seed (its shrinking is what costs; later seeds say little more). */
    boolean stopAtFirstFailure() default true;

    /** Shrink a failing seed's schedule. */
    boolean shrink() default true;

    /** The most reruns shrinking may spend on one failing seed. */
    int maxShrinkReruns() default 200;

    /**
     * Hooks for this test, e.g. a {@link SeedFailureListener} or a {@link FaultSpaceFactory}; each
     * class needs a no-argument constructor.
     */
    Class<? extends SimulationHook>[] hooks() default {};
}
