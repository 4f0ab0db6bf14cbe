package io.faultline.sim.scenario;

import java.util.Objects;

/**
 * What to run: a seed, a virtual duration and the settings. With the scenario's name, this is all
 * it takes to replay a run exactly.
 *
 * @param seed          the root seed
 * @param durationNanos virtual time to run for
 * @param settings      the scenario's settings
 */
public record RunSpec(long seed, long durationNanos, Settings settings) {
    public RunSpec {
        Objects.requireNonNull(settings, "settings");
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("duration must be positive");
        }
    }
}
