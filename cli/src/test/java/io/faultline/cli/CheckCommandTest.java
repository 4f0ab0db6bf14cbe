package io.faultline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.io.JsonLinesHistoryWriter;

/** {@code faultline check}: verdicts, exit codes and the one-line messages for bad input. */
class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** A register history where a read sees a value nobody wrote at that point. */
    private Path staleRead() throws Exception {
        return write("stale.edn", """
                [{:process 0 :type :invoke :f :write :value 1}
                 {:process 0 :type :ok :f :write :value 1}
                 {:process 1 :type :invoke :f :read :value nil}
                 {:process 1 :type :ok :f :read :value 2}]
                """);
    }

    private Path valid() throws Exception {
        return write("valid.jsonl", """
                {"process":0,"type":"invoke","f":"write","value":1}
                {"process":0,"type":"ok","f":"write","value":1}
                {"process":1,"type":"invoke","f":"read","value":null}
                {"process":1,"type":"ok","f":"read","value":1}
                """);
    }

    @Test
    void validHistoryExitsZeroWithAOneLineSummary() throws Exception {
        CheckRun r = CheckRun.of("check", valid().toString(), "--model", "register");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("valid.jsonl: VALID (model register, 4 ops"), r.toString());
    }

    @Test
    void invalidHistoryExitsOneAndShowsTheCounterexample() throws Exception {
        CheckRun r = CheckRun.of("check", staleRead().toString(), "--model", "register");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("INVALID"), r.toString());
        assertTrue(r.out().contains("cannot linearize op 2: process 1 :read 2, ok"), r.toString());
        assertTrue(r.out().contains("invoked at " + dir.resolve("stale.edn") + ":3:2"), r.toString());
    }

    @Test
    void jsonGivesOneObjectPerFileWithTheCounterexample() throws Exception {
        CheckRun r = CheckRun.of("check", staleRead().toString(), valid().toString(), "--model", "register", "--json");
        assertEquals(1, r.exit(), r.toString());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.toString());
        JsonNode bad = JSON.readTree(lines[0]);
        assertEquals("INVALID", bad.get("verdict").asText());
        assertEquals("register", bad.get("model").asText());
        assertEquals(4, bad.get("ops").asInt());
        assertFalse(bad.has("millis"), "no timing: the same file gives the same bytes");
        assertEquals(2, bad.at("/counterexample/op/index").asInt());
        assertEquals(2, bad.at("/counterexample/op/value").asInt());
        assertEquals("VALID", JSON.readTree(lines[1]).get("verdict").asText());
    }

    @Test
    void malformedFileExitsTwoWithFileLineAndColumn() throws Exception {
        Path truncated = write("truncated.edn", "[{:process 0 :type :invoke :f :read}\n {:process 0 :type :ok");
        CheckRun r = CheckRun.of("check", truncated.toString(), "--model", "register");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("faultline: " + truncated + ":2:23: truncated EDN: unexpected end of input"
                + " (the map opened at 2:2 is not closed)\n", r.err());
        assertFalse(r.err().contains("Exception"), r.toString());
    }

    /** Exit 2 and exactly {@code expected} as the one line on standard error. */
    private static void badInput(String expected, String... args) {
        CheckRun r = CheckRun.of(args);
        assertEquals(2, r.exit(), r.toString());
        assertEquals("faultline: " + expected + "\n", r.err());
    }

    @Test
    void anEmptyFileIsNoHistory() throws Exception {
        Path empty = write("empty.edn", "");
        badInput(empty + ":1:1: the file is empty: no operations to check", "check", empty.toString(), "--model", "register");
        Path onlyNemesis = write("nemesis.edn", "[{:process :nemesis :type :info :f :start}]\n");
        badInput(onlyNemesis + ":1:1: no operations to check (the file holds only blanks, comments, nemesis events"
                + " or other log lines)", "check", onlyNemesis.toString(), "--model", "register");
    }

    @Test
    void aJepsenLogCutMidLineIsReportedAtThatLine() throws Exception {
        // Cut inside the value: "12" became "1", which the old reader took as a complete op.
        Path cut = write("cut.log", "INFO  jepsen.util - 0\t:invoke\t:write\t12\n"
                + "INFO  jepsen.util - 0\t:ok\t:write\t1");
        badInput(cut + ":2:35: the last line ends without a newline: the log looks cut short here"
                + " (Jepsen writes whole lines); check that the file is complete",
                "check", cut.toString(), "--model", "cas-register");
    }

    @Test
    void aDirectoryABinaryFileAndDeepNestingAreNamedInPlainWords() throws Exception {
        badInput(dir + ": is a directory; give history files", "check", dir.toString(), "--model", "register");
        Path bin = dir.resolve("a.out");
        Files.write(bin, new byte[] {'[', '{', (byte) 0xC3, 0x28});
        badInput(bin + ":1:3: not a text file: byte 0xC3 here is not UTF-8 (is it a binary file?)",
                "check", bin.toString(), "--model", "register");
        Path deep = write("deep.edn", "[".repeat(4000) + "]".repeat(4000));
        badInput(deep + ":1:1001: values nested more than 1000 levels deep (the vector opened here is one level"
                + " too deep)", "check", deep.toString(), "--model", "register");
        Path json = write("cut.jsonl", "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"");
        badInput(json + ":1:40: the JSON ends before its object or array is closed (is it cut short?)",
                "check", json.toString(), "--model", "register");
    }

    @Test
    void helpAndVersionNeedNoModel() {
        for (String flag : new String[] {"--help", "-h"}) {
            CheckRun r = CheckRun.of("check", flag);
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().startsWith("Usage: faultline check "), r.toString());
        }
        CheckRun v = CheckRun.of("check", "--version");
        assertEquals(0, v.exit(), v.toString());
        assertEquals(CheckRun.of("--version").out(), v.out());
        assertTrue(v.out().startsWith("faultline "), v.toString());
    }

    @Test
    void completionWithoutInvocationIsReportedAtItsLine() throws Exception {
        Path f = write("orphan.jsonl", """
                {"process":0,"type":"invoke","f":"read"}
                {"process":0,"type":"ok","f":"read","value":1}
                  {"process":1,"type":"ok","f":"read","value":1}
                """);
        CheckRun r = CheckRun.of("check", f.toString(), "--model", "register");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("faultline: " + f + ":3:3: "), r.toString());
        assertTrue(r.err().contains("without a pending invocation"), r.toString());
        assertEquals(1, r.err().strip().split("\n").length, r.toString());
    }

    @Test
    void anFTheModelDoesNotKnowIsReportedAtItsLine() throws Exception {
        Path f = write("enqueue.log", "INFO  jepsen.util - 0\t:invoke\t:read\tnil\n"
                + "INFO  jepsen.util - 0\t:ok\t:read\tnil\n"
                + "INFO  jepsen.util - 1\t:invoke\t:enqueue\t3\n");
        CheckRun r = CheckRun.of("check", f.toString(), "--model", "cas-register");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("faultline: " + f + ":3:1: "), r.toString());
        assertTrue(r.err().contains("enqueue"), r.toString());
    }

    @Test
    void unknownModelListsTheAllowedNames() throws Exception {
        CheckRun r = CheckRun.of("check", valid().toString(), "--model", "regster");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("faultline: --model: unknown model 'regster'; allowed: register, cas-register, cas-register-etcd,"
                + " multi-register, mutex, set, fifo-queue, unordered-queue, kv, s3-object\n", r.err());
    }

    @Test
    void badDurationFormatAndInitialValueAreBadInput() throws Exception {
        String f = valid().toString();
        CheckRun duration = CheckRun.of("check", f, "--model", "register", "--time-limit", "10 sec");
        assertEquals(2, duration.exit(), duration.toString());
        assertTrue(duration.err().startsWith("faultline: --time-limit: '10 sec' is not a duration"), duration.toString());
        CheckRun format = CheckRun.of("check", f, "--model", "register", "--format", "xml");
        assertEquals(2, format.exit(), format.toString());
        assertTrue(format.err().contains("allowed: auto, edn, porcupine-etcd, porcupine-kv, jsonl"), format.toString());
        CheckRun initial = CheckRun.of("check", f, "--model", "register", "--initial", "{:x");
        assertEquals(2, initial.exit(), initial.toString());
        assertTrue(initial.err().startsWith("faultline: --initial:1:4: truncated EDN"), initial.toString());
        CheckRun shape = CheckRun.of("check", f, "--model", "kv", "--initial", "3");
        assertEquals(2, shape.exit(), shape.toString());
        assertTrue(shape.err().contains("must be a map"), shape.toString());
        CheckRun missing = CheckRun.of("check", dir.resolve("nope.edn").toString(), "--model", "register");
        assertEquals(2, missing.exit(), missing.toString());
        assertEquals("faultline: " + dir.resolve("nope.edn") + ": no such file\n", missing.err());
    }

    @Test
    void initialValueChangesTheVerdict() throws Exception {
        Path readsZero = write("zero.edn", "{:process 0 :type :invoke :f :read}\n{:process 0 :type :ok :f :read :value 0}\n");
        assertEquals(1, CheckRun.of("check", readsZero.toString(), "--model", "cas-register-etcd").exit());
        assertEquals(0, CheckRun.of("check", readsZero.toString(), "--model", "cas-register-etcd", "--initial", "0").exit());
    }

    @Test
    void exitCodeOverSeveralFilesIsBadInputThenInvalidThenUnknown() throws Exception {
        Path bad = write("bad.edn", "{:process 0 :type :done :f :read}");
        String v = valid().toString();
        String inv = staleRead().toString();
        assertEquals(2, CheckRun.of("check", v, inv, bad.toString(), "--model", "register").exit());
        assertEquals(1, CheckRun.of("check", v, inv, "--model", "register").exit());
        Path big = bigRegisterHistory();
        assertEquals(1, CheckRun.of("check", big.toString(), inv, "--model", "register", "--time-limit", "1ms").exit());
        assertEquals(3, CheckRun.of("check", v, big.toString(), "--model", "register", "--time-limit", "1ms").exit());
    }

    @Test
    void aOneMillisecondBudgetOnABigHistoryIsUnknown() throws Exception {
        CheckRun r = CheckRun.of("check", bigRegisterHistory().toString(), "--model", "register", "--time-limit", "1ms",
                "--json");
        assertEquals(3, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("UNKNOWN", j.get("verdict").asText());
        assertTrue(j.get("reason").asText().contains("time limit"), r.toString());
    }

    @TempDir
    static Path shared;

    /**
     * 80,000 events (40,000 operations) on 4 processes, linearizable: any search has to step through
     * every operation (each step hashing a 40,000-bit set of linearized ops), which takes far more
     * than 1 ms, so a 1 ms budget is spent whatever the machine. Written once per class.
     */
    private static synchronized Path bigRegisterHistory() throws Exception {
        Path p = shared.resolve("big.jsonl");
        if (Files.exists(p)) {
            return p;
        }
        HistoryBuilder h = new HistoryBuilder();
        long t = 0;
        for (int i = 0; i < 20_000; i++) {
            int process = i % 4;
            h.invoke(process, "write", Value.of(i), t++);
            h.complete(process, OpType.OK, "write", Value.of(i), t++);
            h.invoke(process, "read", Value.NIL, t++);
            h.complete(process, OpType.OK, "read", Value.of(i), t++);
        }
        JsonLinesHistoryWriter.write(h.build(), p);
        return p;
    }

    @Test
    void reportIsWrittenAndNamed(@TempDir Path out) throws Exception {
        Path html = out.resolve("check.html");
        CheckRun r = CheckRun.of("check", staleRead().toString(), "--model", "register", "--report", html.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("report: " + html), r.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("class=\"op ok failing\" data-index=\"2\""), page);
    }
}
