package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The sweep's plumbing with a fake runner: order, counts, exit codes, whatever the thread count. */
class SweepPlumbingTest {

    record Result(int code, String out, String err) {
    }

    static Result sweep(String... args) {
        return sweep(new FakeRunner(), args);
    }

    static Result sweep(Runner runner, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SweepCommand(runner));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println(ex.getMessage());
            return 4;
        });
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    private static String withoutWallTime(String s) {
        return Arrays.stream(s.split("\n")).map(l -> l.replaceAll("\"wallMillis\":\\d+", "\"wallMillis\":0")
                .replaceAll("in [0-9.]+ s", "in _ s")).collect(Collectors.joining("\n"));
    }

    @Test
    void resultsAreInSeedOrderWhateverTheThreadCount() {
        Result one = sweep("fake/one", "--seeds", "60", "--from", "100", "--parallel", "1", "--json");
        Result four = sweep("fake/one", "--seeds", "60", "--from", "100", "--parallel", "4", "--json");
        assertEquals(withoutWallTime(one.out()), withoutWallTime(four.out()));
        String[] lines = one.out().split("\n");
        assertEquals(61, lines.length);
        for (int i = 0; i < 60; i++) {
            assertTrue(lines[i].contains("\"seed\":" + (100 + i) + ","), lines[i]);
        }
        assertTrue(lines[60].startsWith("{\"summary\":true"));
        assertTrue(lines[60].contains("\"counts\":{\"VALID\":48,\"INVALID\":6,\"UNKNOWN\":6}"), lines[60]);
    }

    @Test
    void anyInvalidExitsOneAndListsReplayCommands() {
        Result r = sweep("fake/one", "--seeds", "5", "--parallel", "2", "--set", "nodes=4");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("seed 3: INVALID   ./faultline run fake/one --seed 3 --set nodes=4"), r.out());
        assertTrue(r.out().contains("5 seeds (0 to 4)"), r.out());
        assertTrue(r.out().contains("4 VALID, 1 INVALID, 0 UNKNOWN"), r.out());
    }

    @Test
    void unknownWithoutInvalidExitsThree() {
        assertEquals(3, sweep("fake/one", "--seeds", "3", "--from", "5").code());
        assertEquals(0, sweep("fake/one", "--seeds", "2", "--from", "0").code());
    }

    @Test
    void internalErrorNamesTheSeed() {
        Result r = sweep("fake/one", "--seeds", "10", "--from", "660", "--parallel", "2");
        assertEquals(4, r.code());
        assertTrue(r.err().contains("seed 666 of fake/one failed"), r.err());
        assertTrue(r.err().contains("./faultline run fake/one --seed 666"), r.err());
    }

    @Test
    void eachSeedRunsOnceTheFirstOneAloneBeforeTheOthers() {
        // The first seed runs alone to tell the sweep's size (SweepJit); the pool reuses its result.
        List<Long> seeds = Collections.synchronizedList(new ArrayList<>());
        FakeRunner fake = new FakeRunner();
        Runner counting = new Runner() {
            @Override
            public List<ScenarioInfo> scenarios() {
                return fake.scenarios();
            }

            @Override
            public void validate(RunRequest request) {
                fake.validate(request);
            }

            @Override
            public RunOutcome run(RunRequest request, boolean keepForReport) {
                seeds.add(request.seed());
                return fake.run(request, keepForReport);
            }
        };
        Result r = sweep(counting, "fake/one", "--seeds", "12", "--from", "40", "--parallel", "3", "--json");
        assertEquals(withoutWallTime(sweep("fake/one", "--seeds", "12", "--from", "40", "--parallel", "1", "--json").out()),
                withoutWallTime(r.out()));
        assertEquals(40L, seeds.get(0));
        assertEquals(LongStream.range(40, 52).boxed().toList(), seeds.stream().sorted().toList());
    }
}
