package io.faultline.cli.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.faultline.cli.ExitCodes;

/**
 * One run as the user asked for it: scenario, seed, overridden settings and duration, exactly as
 * typed, so the replay command repeats them word for word.
 *
 * <pre>{@code
 * new RunRequest("demo/broadcast", 42, Map.of("nodes", "5"), Optional.of("2m")).replayCommand();
 * // "./faultline run demo/broadcast --seed 42 --duration 2m --set nodes=5"
 * }</pre>
 */
public record RunRequest(String scenario, long seed, Map<String, String> settings, Optional<String> duration,
        Optional<String> faults) {
    public RunRequest {
        Objects.requireNonNull(scenario, "scenario");
        if (seed < 0) {
            // One rule for every command (matrix's --from too): seeds are 0 and up, so that a seed
            // reads the same in a replay command, a report name and a sweep's range.
            throw new ExitCodes.BadInput("seed " + seed + ": a seed is a whole number from 0 to " + Long.MAX_VALUE
                    + " (negative seeds are not accepted)");
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(faults, "faults");
    }

    /** A request with the scenario's own faults. */
    public RunRequest(String scenario, long seed, Map<String, String> settings, Optional<String> duration) {
        this(scenario, seed, settings, duration, Optional.empty());
    }

    public RunRequest withSeed(long newSeed) {
        return new RunRequest(scenario, newSeed, settings, duration, faults);
    }

    /** The command that replays this run exactly. */
    public String replayCommand() {
        StringBuilder b = new StringBuilder("./faultline run ").append(Shell.quote(scenario))
                .append(" --seed ").append(seed);
        duration.ifPresent(d -> b.append(" --duration ").append(Shell.quote(d)));
        settings.forEach((k, v) -> b.append(" --set ").append(Shell.quote(k + "=" + v)));
        faults.ifPresent(f -> b.append(" --faults ").append(Shell.quote(f)));
        return b.toString();
    }

    /** {@code reports/<scenario with dashes>-<seed>.html}, relative to the current directory. */
    public String defaultReportPath() {
        return "reports/" + scenario.replaceAll("[^A-Za-z0-9._-]+", "-") + "-" + seed + ".html";
    }
}
