package io.faultline.sim.scenario;

import io.faultline.sim.BadInputException;

import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A named, documented, runnable setup: a model, its configuration, a workload, faults, a duration
 * and checks. Listed by the CLI from every {@link ScenarioCatalog}.
 *
 * <pre>{@code
 * Scenario echo = Scenario.of("demo/echo", "clients send, one server echoes",
 *         List.of(CLIENTS), 30 * Simulation.SECONDS, EchoScenario::run);
 * RunResult r = echo.run(echo.spec(42));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Scenario {
    /** E.g. {@code kafka/kip-101-scenario-1}: lower case, a model prefix and a slash. */
    String name();

    /** One line saying what it shows. */
    String description();

    /** Its configuration keys, with defaults and allowed ranges. */
    List<Setting<?>> settings();

    /** Virtual time it runs for unless told otherwise. */
    long defaultDurationNanos();

    /** Runs it; deterministic in {@code spec}. */
    RunResult run(RunSpec spec);

    /** The spec with this seed, the default duration and default settings. */
    default RunSpec spec(long seed) {
        return new RunSpec(seed, defaultDurationNanos(), Settings.defaults(settings()));
    }

    /** The spec for user input: {@code key=value} overrides and an optional duration text. */
    default RunSpec spec(long seed, List<String> overrides, java.util.Optional<String> duration) {
        long d = duration.map(Durations::parse).orElse(defaultDurationNanos());
        if (d <= 0) {
            throw new BadInputException("duration must be positive");
        }
        return new RunSpec(seed, d, Settings.parse(settings(), overrides));
    }

    /** A scenario from its parts. */
    static Scenario of(String name, String description, List<Setting<?>> settings, long defaultDurationNanos,
            Function<RunSpec, RunResult> runner) {
        List<Setting<?>> schema = List.copyOf(settings);
        Settings.defaults(schema);
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public List<Setting<?>> settings() {
                return schema;
            }

            @Override
            public long defaultDurationNanos() {
                return defaultDurationNanos;
            }

            @Override
            public RunResult run(RunSpec spec) {
                return runner.apply(spec);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
