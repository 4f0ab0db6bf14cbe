package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.faultline.faults.ScheduleJson;
import io.faultline.report.RunSummary;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario of the catalog, seed 1: the faults of a run, whether its own code drew or scripted
 * them or a schedule was drawn from the seed ({@code --random-faults}), are saved
 * ({@code --save-faults}) and replayed ({@code --faults}) as the same run: same trace hash, event
 * count and verdict. And {@code --random-faults} is never ignored: it replaces the scenario's own
 * faults, so the run differs from the scenario's own.
 */
class CatalogFaultsTest {
    /** The settings a scenario cannot run without. */
    private static final Map<String, Map<String, String>> NEEDS = Map.of(
            "s3/replay", Map.of("session", "../docs/src/test/resources/docs-commands/s3-consistency.adoc/session.jsonl"));

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> savedFaultsReplayAsTheSameRunAndRandomFaultsAreNeverIgnored() {
        KernelRunner runner = KernelRunner.shared();
        assertFalse(runner.scenarios().isEmpty());
        return runner.scenarios().stream().map(ScenarioInfo::name).map(name -> DynamicTest.dynamicTest(name, () -> {
            RunRequest own = new RunRequest(name, 1, NEEDS.getOrDefault(name, Map.of()), Optional.empty());
            RunSummary ownRun = sameRunReplayed(runner, own, "own");
            RunRequest random = new RunRequest(name, 1, own.settings(), Optional.empty(), Optional.empty(), true);
            RunSummary randomRun = sameRunReplayed(runner, random, "random");
            assertNotEquals(ownRun.traceHash(), randomRun.traceHash(),
                    name + ": --random-faults must replace the scenario's own faults, not be ignored");
        }));
    }

    /** Runs the request, saves its faults, replays them; returns the first run's summary. */
    private static RunSummary sameRunReplayed(KernelRunner runner, RunRequest request, String label) {
        RunOutcome first = runner.run(request, true);
        Path file = dir.resolve(request.scenario().replace('/', '-') + "-" + label + ".json");
        ScheduleJson.write(first.faults(), file);
        RunSummary replay = runner.run(request.withFaultsFile(file.toString()), true).summary();
        String where = request.replayCommand() + " --save-faults, then --faults " + file;
        RunSummary a = first.summary();
        assertEquals(a.traceHash(), replay.traceHash(), where + ": not the same run\n" + first.faults().render());
        assertEquals(a.events(), replay.events(), where);
        assertEquals(a.verdict(), replay.verdict(), where);
        return a;
    }
}
