package io.faultline.cli.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

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
@API(status = API.Status.INTERNAL, since = "0.1")
public record RunRequest(String scenario, long seed, Map<String, String> settings, Optional<String> duration,
        Optional<String> faults, boolean randomFaults) {
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

    /** A request with the scenario's own faults, or those of a schedule file. */
    public RunRequest(String scenario, long seed, Map<String, String> settings, Optional<String> duration,
            Optional<String> faults) {
        this(scenario, seed, settings, duration, faults, false);
    }

    /** A request with the scenario's own faults. */
    public RunRequest(String scenario, long seed, Map<String, String> settings, Optional<String> duration) {
        this(scenario, seed, settings, duration, Optional.empty(), false);
    }

    public RunRequest withSeed(long newSeed) {
        return new RunRequest(scenario, newSeed, settings, duration, faults, randomFaults);
    }

    /** The same run under the schedule saved in {@code file} (what {@code --save-faults} wrote). */
    public RunRequest withFaultsFile(String file) {
        return new RunRequest(scenario, seed, settings, duration, Optional.of(file), false);
    }

    /** The command that replays this run exactly. */
    public String replayCommand() {
        StringBuilder b = new StringBuilder("./faultline run ").append(Shell.quote(scenario))
                .append(" --seed ").append(seed);
        duration.ifPresent(d -> b.append(" --duration ").append(Shell.quote(d)));
        settings.forEach((k, v) -> b.append(" --set ").append(Shell.quote(k + "=" + v)));
        faults.ifPresent(f -> b.append(" --faults ").append(Shell.quote(f)));
        if (randomFaults) {
            b.append(" --random-faults");
        }
        return b.toString();
    }

    /**
     * {@code reports/<scenario with dashes>-<seed>.html}, relative to the current directory; a run
     * with settings, a duration or faults of its own adds a short hash of them
     * ({@code -set-1a2b3c4d}), so it does not overwrite the default run's report.
     */
    public String defaultReportPath() {
        String base = "reports/" + scenario.replaceAll("[^A-Za-z0-9._-]+", "-") + "-" + seed;
        if (settings.isEmpty() && duration.isEmpty() && faults.isEmpty() && !randomFaults) {
            return base + ".html";
        }
        // Sorted, so the same settings typed in another order name the same report.
        StringBuilder what = new StringBuilder();
        new java.util.TreeMap<>(settings).forEach((k, v) -> what.append(k).append('=').append(v).append('\n'));
        duration.ifPresent(d -> what.append("--duration=").append(d).append('\n'));
        faults.ifPresent(f -> what.append("--faults=").append(f).append('\n'));
        if (randomFaults) {
            what.append("--random-faults\n");
        }
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(what.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return base + "-set-" + java.util.HexFormat.of().formatHex(h, 0, 4) + ".html";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
