package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code faultline list} and {@code faultline run} on the demo scenarios, in-process. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A broadcast that cannot converge: lossy, no retry within the settle bound. */
    private static final String[] NO_CONVERGENCE = {"--duration", "5s", "--set", "settle=1s", "--set", "loss=0.3",
        "--set", "retry=1m"};

    @Test
    void listShowsEveryScenarioSortedWithItsDescription() {
        Cli.Result r = Cli.run("list");
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("demo/broadcast +gossip with retries.*")), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("demo/echo +clients ping.*")), r::toString);
        // Descriptions start in one column.
        assertEquals(1, lines.stream().map(l -> l.indexOf("  ") + l.substring(l.indexOf("  ")).indexOf(l.substring(l.indexOf("  ")).strip()))
                .distinct().count(), r::toString);
        List<String> names = lines.stream().map(l -> l.split(" ")[0]).toList();
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void runPrintsVerdictSeedReportAndReplayAndWritesThePage(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("echo.html");
        Cli.Result r = Cli.run("run", "demo/echo", "--seed", "7", "--duration", "5s", "--report", page.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("demo/echo  seed 7  VALID\n"), r::toString);
        assertTrue(r.out().contains("report: " + page), r::toString);
        assertTrue(r.out().contains("replay: ./faultline run demo/echo --seed 7 --duration 5s\n"), r::toString);
        String html = Files.readString(page);
        assertTrue(html.contains("<title>demo/echo seed 7 — VALID — faultline</title>"));
        assertTrue(html.contains("class=\"timeline\""), "faults timeline");
        assertTrue(html.contains("class=\"flow\""), "message-flow diagram");
        assertTrue(html.contains("<code>./faultline run demo/echo --seed 7 --duration 5s</code>")
                || html.contains("./faultline run demo/echo --seed 7 --duration 5s</pre>"));
    }

    @Test
    void broadcastReportHasPartitionMessagesChartAndTable(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("b.html");
        Cli.Result r = Cli.run("run", "demo/broadcast", "--seed", "42", "--duration", "10s", "--report", page.toString());
        assertEquals(0, r.code(), r::toString);
        String html = Files.readString(page);
        assertTrue(Pattern.compile("class=\"fault\" [^>]*><title>partition ").matcher(html).find(), "the partition is a span on the timeline");
        assertTrue(Pattern.compile("<line class=\"msg\" marker-end").matcher(html).find(), "arrows");
        assertTrue(html.contains("<svg id='chart1'"), "the model's series drawn by JFreeChart");
        assertTrue(html.contains("<h2>values per node</h2>"), "the model's table");
    }

    @Test
    void withoutSeedTheClockPicksOneAndTheReplayCarriesIt(@TempDir Path dir) {
        Cli.Result r = Cli.run("run", "demo/echo", "--duration", "2s", "--report", dir.resolve("x.html").toString());
        assertEquals(0, r.code(), r::toString);
        Matcher m = Pattern.compile("seed (\\d+) \\(from the clock; pass --seed to choose\\)").matcher(r.out());
        assertTrue(m.find(), r::toString);
        assertTrue(r.out().contains("replay: ./faultline run demo/echo --seed " + m.group(1) + " --duration 2s"), r::toString);
    }

    @Test
    void defaultReportPathIsUnderReportsWithDashes() throws Exception {
        // A duration of its own adds the hash of what differs from the default run (see RunRequestTest).
        String name = new RunRequest("demo/echo", 11, java.util.Map.of(), java.util.Optional.of("1s")).defaultReportPath();
        assertTrue(name.matches("reports/demo-echo-11-set-[0-9a-f]{8}\\.html"), name);
        Path expected = Path.of(name);
        try {
            Cli.Result r = Cli.run("run", "demo/echo", "--seed", "11", "--duration", "1s");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().contains("report: " + name), r::toString);
            assertTrue(Files.isRegularFile(expected));
        } finally {
            Files.deleteIfExists(expected);
            Files.deleteIfExists(expected.getParent());
        }
    }

    @Test
    void jsonPrintsExactlyOneObjectWithTheDocumentedFields(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("j.html");
        Cli.Result r = Cli.run("run", "demo/echo", "--seed", "5", "--duration", "3s", "--json", "--report", page.toString());
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r::toString);
        JsonNode n = JSON.readTree(lines.get(0));
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            fields.add(it.next());
        }
        assertEquals(List.of("scenario", "seed", "verdict", "checks", "traceHash", "events", "simulatedNanos",
                "wallMillis", "peakHeapBytes", "report"), fields);
        assertEquals("demo/echo", n.get("scenario").asText());
        assertTrue(n.get("peakHeapBytes").asLong() > 0, "a run alone in its JVM measures its peak heap");
        assertEquals(5, n.get("seed").asLong());
        assertEquals("VALID", n.get("verdict").asText());
        assertEquals(3_000_000_000L, n.get("simulatedNanos").asLong());
        JsonNode check = n.get("checks").get(0);
        assertTrue(check.has("name") && check.has("verdict") && check.has("detail"));
        assertEquals(64, n.get("traceHash").asText().length());
        assertEquals(page.toString(), n.get("report").asText());
    }

    @Test
    void sameSeedSameTraceHash(@TempDir Path dir) throws Exception {
        String a = JSON.readTree(Cli.run("run", "demo/broadcast", "--seed", "9", "--duration", "5s", "--json",
                "--report", dir.resolve("a.html").toString()).out()).get("traceHash").asText();
        String b = JSON.readTree(Cli.run("run", "demo/broadcast", "--seed", "9", "--duration", "5s", "--json",
                "--report", dir.resolve("b.html").toString()).out()).get("traceHash").asText();
        String c = JSON.readTree(Cli.run("run", "demo/broadcast", "--seed", "10", "--duration", "5s", "--json",
                "--report", dir.resolve("c.html").toString()).out()).get("traceHash").asText();
        assertEquals(a, b);
        assertFalse(a.equals(c), "another seed, another run");
    }

    @Test
    void aViolationExitsOne(@TempDir Path dir) {
        List<String> args = new ArrayList<>(List.of("run", "demo/broadcast", "--seed", "1", "--report",
                dir.resolve("v.html").toString()));
        args.addAll(List.of(NO_CONVERGENCE));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("INVALID"), r::toString);
        assertTrue(r.out().contains("--set settle=1s --set loss=0.3 --set retry=1m"), "replay carries the settings");
    }

    static String[] noConvergence() {
        return NO_CONVERGENCE.clone();
    }
}
