package io.faultline.cli.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What names one configured run of a scenario on the command line, shared by {@code run} and
 * {@code sweep} (a picocli mixin): the scenario, {@code --duration}, {@code --set}, where the
 * faults come from ({@code --faults}, {@code --random-faults}) and {@code --time-limit}.
 */
final class ScenarioOptions {
    // Optional for picocli so that `sweep --merge DIR...` needs none; request() insists on it.
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "A scenario name, e.g. demo/broadcast (see `faultline list`).")
    String scenario;

    @Option(names = "--duration", paramLabel = "D", description = "Simulated time per run, e.g. 30s, 10m, 2h, 400d (default: the scenario's).")
    String duration;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting of the scenario; repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--faults", paramLabel = "FILE", description = "Replay this fault schedule (JSON, as --save-faults and @SimulationTest write it)"
            + " instead of the scenario's own faults, which are then dropped unless the file holds them.")
    String faults;

    @Option(names = "--random-faults", description = "Replace the scenario's own faults by a schedule drawn from the seed,"
            + " as @SimulationTest does (every kind, on random servers, in the first 60%% of the run); --save-faults keeps it.")
    boolean randomFaults;

    @Option(names = "--time-limit", paramLabel = "D", description = "Wall-clock time after which the run (for sweep:"
            + " every seed still running or not yet run) stops UNKNOWN (exit 3) with a report of what it did;"
            + " the checks after the stop get what is left, a search check none once it is spent;"
            + " the units of --duration, e.g. 20s, 5m, 1h, 1d (default: none).")
    String timeLimit;

    @Option(names = "--session", paramLabel = "FILE", description = "For s3/replay: the session `faultline serve s3"
            + " --session FILE` recorded (the same as --set session=FILE).")
    String session;

    /** The request for one seed of this configuration. */
    RunRequest request(long seed) {
        if (scenario == null) {
            throw new io.faultline.cli.ExitCodes.BadInput("SCENARIO: missing; name one, e.g. demo/echo (faultline list shows them all)");
        }
        if (session != null) {
            settings.put("session", session);
        }
        if (randomFaults && faults != null) {
            throw new io.faultline.cli.ExitCodes.BadInput("--random-faults and --faults: choose one source of faults");
        }
        return new RunRequest(scenario, seed, settings, Optional.ofNullable(duration), Optional.ofNullable(faults), randomFaults);
    }
}
