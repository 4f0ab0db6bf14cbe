package io.faultline.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.faultline.cli.ExitCodes;
import io.faultline.faults.ScheduleJson;
import io.faultline.report.json.JsonSummary;

/**
 * {@code sweep --save-failing DIR}: for each failing seed, its fault schedule
 * ({@code seed-N-faults.json}, when the sweep ran under one) and the command that replays it, listed
 * in {@code DIR/failing.txt}. A scenario's own faults are code drawn from the seed: then the
 * command alone replays them.
 */
final class FailingSeeds {
    private FailingSeeds() {
    }

    /** Bad input now, before the sweep, if the folder cannot be made. */
    static void prepare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExitCodes.BadInput("--save-failing " + dir + ": cannot make the folder (" + IoWords.why(e) + ")");
        }
    }

    /** Writes the files; returns the line to print. */
    static String save(Path dir, RunRequest first, Runner runner, List<JsonSummary.FailingSeed> failing) {
        boolean scheduled = first.faults().isPresent() || first.randomFaults();
        StringBuilder list = new StringBuilder();
        list.append(failing.isEmpty() ? "# no failing seed\n" : scheduled ? ""
                : "# the scenario's own faults are drawn from the seed: each command replays them\n");
        try {
            for (JsonSummary.FailingSeed f : failing) {
                RunRequest request = first.withSeed(f.seed());
                String replay = request.replayCommand();
                if (scheduled) {
                    Path file = dir.resolve("seed-" + f.seed() + "-faults.json");
                    ScheduleJson.write(runner.schedule(request), file);
                    replay = request.withFaultsFile(file.toString()).replayCommand();
                }
                list.append(String.format(Locale.ROOT, "seed %d: %s   %s%n", f.seed(), f.verdict(), replay));
            }
            Files.writeString(dir.resolve("failing.txt"), list.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExitCodes.BadInput("--save-failing " + dir + ": cannot write in it (" + IoWords.why(e) + ")");
        } catch (UncheckedIOException e) {
            throw new ExitCodes.BadInput("--save-failing " + dir + ": cannot write in it (" + IoWords.why(e.getCause()) + ")");
        }
        return "failing seeds: " + dir.resolve("failing.txt") + (scheduled ? " (with each seed's schedule)" : "");
    }
}
