package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.faults.FaultSchedule;
import io.faultline.faults.Nemesis;
import io.faultline.faults.ScheduleJson;
import io.faultline.faults.ScheduleText;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline run SCENARIO --faults FILE}: a saved schedule replays with the same trace hash. */
class FaultsReplayTest {
    static final FaultSchedule SCHEDULE = ScheduleText.parse(
            "@1s partition halves for 2s; @2.5s crash random:servers for 300ms; @4s slow-link host:n2 +40ms for 1s", "test");

    private static String hash(Cli.Result r) {
        Matcher m = Pattern.compile("\"traceHash\"\\s*:\\s*\"([^\"]+)\"").matcher(r.out());
        assertTrue(m.find(), r::toString);
        return m.group(1);
    }

    @Test
    void aSavedScheduleReplaysWithTheSameTraceHash(@TempDir Path dir) {
        Path file = dir.resolve("faults.json");
        ScheduleJson.write(SCHEDULE, file);
        String[] args = {"run", "demo/broadcast", "--seed", "42", "--duration", "10s", "--faults", file.toString(),
            "--json", "--report", dir.resolve("r.html").toString()};
        Cli.Result first = Cli.run(args);
        Cli.Result second = Cli.run(args);
        assertEquals(hash(first), hash(second), "replaying the file twice");

        // The same as running the scenario under that schedule directly (what @SimulationTest does).
        Scenario s = Scenarios.get("demo/broadcast");
        String direct = s.run(s.spec(42, List.of(), Optional.of("10s")).withFaults(new Nemesis(SCHEDULE))).traceHash();
        assertEquals(direct, hash(first));

        // And different from the scenario's own faults: the file did replace them.
        Cli.Result own = Cli.run("run", "demo/broadcast", "--seed", "42", "--duration", "10s", "--json",
                "--report", dir.resolve("own.html").toString());
        assertTrue(!hash(own).equals(hash(first)), "the schedule replaced the built-in partition");
    }

    @Test
    void theReplayCommandCarriesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("faults.json");
        ScheduleJson.write(SCHEDULE, file);
        Cli.Result r = Cli.run("run", "demo/echo", "--seed", "3", "--duration", "2s", "--faults", file.toString(),
                "--report", dir.resolve("r.html").toString());
        assertTrue(r.out().contains("replay: ./faultline run demo/echo --seed 3 --duration 2s --faults " + file), r::toString);
    }

    @Test
    void aBadScheduleFileIsBadInputNamingFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"events\": [\n  {\"at\": \"1s\", \"kind\": \"partiton\"}\n]}\n");
        Cli.Result r = Cli.run("run", "demo/echo", "--seed", "3", "--faults", file.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals("faultline: --faults: " + file + ":2:24: unknown kind \"partiton\"; allowed kinds: partition, heal, crash, "
                + "restart, pause, resume, clock-skew, clock-drift, clock-jump, disk-fault, slow-link, duplicate, reorder, primitive\n", r.err());
    }
}
