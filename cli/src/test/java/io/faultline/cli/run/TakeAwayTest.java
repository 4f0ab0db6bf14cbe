package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run leaves to take away: {@code --history} that {@code check} reads back with the run's
 * own verdict, and {@code --save-faults} that {@code --faults} replays with the same trace hash.
 */
class TakeAwayTest {

    private static String hash(Cli.Result r) {
        Matcher m = Pattern.compile("\"traceHash\"\\s*:\\s*\"([^\"]+)\"").matcher(r.out());
        assertTrue(m.find(), r::toString);
        return m.group(1);
    }

    /** Runs, writes the history, checks the file; returns the check's exit code. */
    private static int roundTrip(Path dir, String scenario, long seed, String file, String model, int runCode) {
        Path h = dir.resolve(file);
        Cli.Result run = Cli.run("run", scenario, "--seed", Long.toString(seed), "--history", h.toString(),
                "--report", dir.resolve("r.html").toString());
        assertEquals(runCode, run.code(), run::toString);
        assertTrue(run.out().contains("history: " + h + " ("), run::toString);
        Cli.Result check = Cli.run("check", h.toString(), "--model", model);
        return check.code();
    }

    @Test
    void aLinearizableS3RunsHistoryChecksValidInBothFormats(@TempDir Path dir) {
        assertEquals(0, roundTrip(dir, "s3/strong", 3, "h.edn", "s3-object", 0));
        assertEquals(0, roundTrip(dir, "s3/strong", 3, "h.jsonl", "s3-object", 0));
    }

    @Test
    void aStaleReadRunsHistoryChecksInvalidLikeTheRunsOwnCheck(@TempDir Path dir) {
        assertEquals(1, roundTrip(dir, "s3/legacy-stale-read", 1, "h.edn", "s3-object", 1));
        assertEquals(1, roundTrip(dir, "s3/legacy-stale-read", 1, "h.jsonl", "s3-object", 1));
    }

    @Test
    void theDemoHistoriesCheckAgainstTheirModels(@TempDir Path dir) throws Exception {
        assertEquals(0, roundTrip(dir, "demo/broadcast", 42, "b.edn", "set", 0));
        Path edn = dir.resolve("b.edn");
        assertTrue(Files.readString(edn).startsWith("{:index 0, :type :invoke, :f :add, :value "), "Jepsen's vocabulary");
    }

    @Test
    void aHistoryFileWithoutAKnownExtensionIsBadInputBeforeTheRun(@TempDir Path dir) {
        Cli.Result r = Cli.run("run", "demo/echo", "--seed", "1", "--history", dir.resolve("h.txt").toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("faultline: --history " + dir.resolve("h.txt") + ": name the format by the extension"), r::toString);
    }

    @Test
    void savedRandomFaultsReplayWithTheSameTraceHash(@TempDir Path dir) {
        Path faults = dir.resolve("faults.json");
        Cli.Result first = Cli.run("run", "demo/broadcast", "--seed", "42", "--random-faults", "--save-faults", faults.toString(),
                "--json", "--report", dir.resolve("a.html").toString());
        assertEquals(0, first.code(), first::toString);
        Cli.Result replay = Cli.run("run", "demo/broadcast", "--seed", "42", "--faults", faults.toString(),
                "--json", "--report", dir.resolve("b.html").toString());
        assertEquals(hash(first), hash(replay));
        Cli.Result own = Cli.run("run", "demo/broadcast", "--seed", "42", "--json", "--report", dir.resolve("c.html").toString());
        assertNotEquals(hash(own), hash(first), "the drawn schedule replaced the scenario's own partition");
    }

    @Test
    void aScriptedScheduleIsSavedAsItRanAndReplaysTheSame(@TempDir Path dir) {
        Path script = dir.resolve("script.json");
        io.faultline.faults.ScheduleJson.write(FaultsReplayTest.SCHEDULE, script);
        Path saved = dir.resolve("saved.json");
        Cli.Result first = Cli.run("run", "s3/strong", "--seed", "5", "--duration", "20s", "--faults", script.toString(),
                "--save-faults", saved.toString(), "--json", "--report", dir.resolve("a.html").toString());
        Cli.Result replay = Cli.run("run", "s3/strong", "--seed", "5", "--duration", "20s", "--faults", saved.toString(),
                "--json", "--report", dir.resolve("b.html").toString());
        assertEquals(hash(first), hash(replay));
    }

    @Test
    void aScenariosOwnFaultsAreSavedAsTheirCallsAndReplayAsTheSameRun(@TempDir Path dir) throws Exception {
        Path faults = dir.resolve("faults.json");
        Cli.Result first = Cli.run("run", "demo/broadcast", "--seed", "42", "--save-faults", faults.toString(),
                "--report", dir.resolve("a.html").toString());
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.out().contains("faults: " + faults + " (replay: ./faultline run demo/broadcast --seed 42 --faults "
                + faults + ")"), first::toString);
        String saved = Files.readString(faults);
        // The built-in partition at 30% of the run and its heal at 60%, with the sides the seed drew.
        assertTrue(saved.contains("{\"at\":\"9s\",\"kind\":\"primitive\",\"call\":\"partition ")
                && saved.contains("{\"at\":\"18s\",\"kind\":\"primitive\",\"call\":\"heal-all\"}"), saved);
        Cli.Result own = Cli.run("run", "demo/broadcast", "--seed", "42", "--json", "--report", dir.resolve("b.html").toString());
        Cli.Result replay = Cli.run("run", "demo/broadcast", "--seed", "42", "--faults", faults.toString(), "--json",
                "--report", dir.resolve("c.html").toString());
        assertEquals(hash(own), hash(replay));
        io.faultline.faults.FaultSchedule kept = io.faultline.faults.ScheduleJson.read(faults);
        io.faultline.faults.ScheduleJson.write(io.faultline.faults.FaultSchedule.of(
                kept.events().stream().filter(e -> !e.describe().contains("heal-all")).toList()), faults);
        Cli.Result edited = Cli.run("run", "demo/broadcast", "--seed", "42", "--faults", faults.toString(), "--json",
                "--report", dir.resolve("d.html").toString());
        assertNotEquals(hash(own), hash(edited), "without its heal the partition lasts: another run");
    }

    @Test
    void aSweepSavesEachFailingSeedsScheduleAndACommandThatReplaysIt(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("failing");
        // Seed 2 of demo/broadcast under its drawn schedule fails (a node misses acked values).
        Cli.Result sweep = Cli.run("sweep", "demo/broadcast", "--from", "2", "--seeds", "2", "--parallel", "1",
                "--random-faults", "--save-failing", folder.toString());
        assertEquals(1, sweep.code(), sweep::toString);
        Path schedule = folder.resolve("seed-2-faults.json");
        assertTrue(Files.exists(schedule), sweep::toString);
        String listed = Files.readString(folder.resolve("failing.txt"));
        assertTrue(listed.startsWith("seed 2: INVALID   ./faultline run demo/broadcast --seed 2 --faults " + schedule + "\n"), listed);
        assertTrue(!listed.contains("seed 3:"), "only failing seeds: " + listed);

        Cli.Result replay = Cli.run("run", "demo/broadcast", "--seed", "2", "--faults", schedule.toString(), "--json",
                "--report", dir.resolve("a.html").toString());
        Cli.Result drawn = Cli.run("run", "demo/broadcast", "--seed", "2", "--random-faults", "--json",
                "--report", dir.resolve("b.html").toString());
        assertEquals(1, replay.code(), replay::toString);
        assertEquals(hash(drawn), hash(replay));
    }

    @Test
    void aSweepUnderTheScenariosOwnFaultsSavesTheCommandsOnly(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("failing");
        Cli.Result sweep = Cli.run("sweep", "demo/broadcast", "--seeds", "1", "--parallel", "1", "--duration", "5s",
                "--set", "settle=1s", "--set", "loss=0.3", "--set", "retry=1m", "--save-failing", folder.toString());
        assertEquals(1, sweep.code(), sweep::toString);
        String listed = Files.readString(folder.resolve("failing.txt"));
        assertTrue(listed.contains("seed 0: INVALID   ./faultline run demo/broadcast --seed 0 --duration 5s --set settle=1s"), listed);
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no schedule to save");
        }
    }
}
