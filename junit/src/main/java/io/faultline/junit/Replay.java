package io.faultline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Reruns exactly one case of a {@link SimulationTest}: this seed, under this fault schedule instead
 * of the generated one. A failing seed prints the annotation ready to paste above the test method:
 *
 * <pre>{@code
 * @Replay(seed = 17, faults = "@1.2s partition isolate(role:primary) for 300ms")
 * @SimulationTest(seeds = 500)
 * void acknowledgedWritesAreNeverLost(Trial trial) { ... }
 * }</pre>
 *
 * <p>{@link #faults()} is the schedule in its one-line form (events separated by {@code ;}, as
 * {@link io.faultline.faults.ScheduleText} reads it), or the path of a schedule JSON file ending in
 * {@code .json}; empty means no faults at all.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.STABLE, since = "0.1")
public @interface Replay {
    /** The seed to rerun. */
    long seed();

    /** The schedule: one-line text, a {@code .json} file's path, or empty for none. */
    String faults() default "";

    /**
     * Settings of a catalog scenario as {@code key=value}, over those of the {@link SimulationTest}
     * (shrinking may have made the configuration smaller).
     */
    String[] settings() default {};
}
