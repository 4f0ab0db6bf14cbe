package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code faultline sweep} on the demo scenarios, in-process. */
class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String stripWallTime(String out) {
        return out.replaceAll("\"wallMillis\":\\d+", "\"wallMillis\":0");
    }

    @Test
    void resultsAreIdenticalForOneAndTwoThreads() throws Exception {
        Cli.Result one = Cli.run("sweep", "demo/broadcast", "--seeds", "8", "--from", "20", "--duration", "3s",
                "--parallel", "1", "--json");
        Cli.Result two = Cli.run("sweep", "demo/broadcast", "--seeds", "8", "--from", "20", "--duration", "3s",
                "--parallel", "2", "--json");
        assertEquals(0, one.code(), one::toString);
        assertEquals(stripWallTime(one.out()), stripWallTime(two.out()));
        List<String> lines = one.out().lines().toList();
        assertEquals(9, lines.size());
        for (int i = 0; i < 8; i++) {
            JsonNode n = JSON.readTree(lines.get(i));
            assertEquals(20 + i, n.get("seed").asLong());
            assertEquals(64, n.get("traceHash").asText().length());
        }
        JsonNode summary = JSON.readTree(lines.get(8));
        assertTrue(summary.get("summary").asBoolean());
        assertEquals(8, summary.get("counts").get("VALID").asInt());
    }

    @Test
    void failingSeedsAreListedWithTheirReplayCommandAndExitOne() {
        List<String> args = new ArrayList<>(List.of("sweep", "demo/broadcast", "--seeds", "3", "--parallel", "2"));
        args.addAll(List.of(RunCommandTest.noConvergence()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("seed 0: INVALID   ./faultline run demo/broadcast --seed 0 --duration 5s"
                + " --set settle=1s --set loss=0.3 --set retry=1m"), r::toString);
        assertTrue(r.out().contains("3 seeds (0 to 2)"), r::toString);
        assertTrue(r.out().contains("0 VALID, 3 INVALID, 0 UNKNOWN"), r::toString);
    }
}
