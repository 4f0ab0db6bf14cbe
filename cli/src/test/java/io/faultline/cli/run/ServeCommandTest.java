package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline serve s3}: the port it bound, loopback by default; bad input is one line, exit 2. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private static String oneLine(Cli.Result r) {
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
        return r.err();
    }

    @Test
    void itPrintsThePortItBoundOnLoopbackAndStops() {
        Cli.Result r = Cli.run("serve", "s3", "--port", "0", "--stop-after", "300ms", "--consistency", "legacy",
                "--session", dir.resolve("s.jsonl").toString(), "--bucket-quota", "3", "--legacy-lag", "10m");
        assertEquals(0, r.code(), r::toString);
        Matcher m = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(r.out());
        assertTrue(m.find(), r::toString);
        assertTrue(r.out().contains("port " + m.group(1) + "\n"), r::toString);
        assertTrue(r.out().contains("bucket quota 3 per account\n"), r::toString);
        assertTrue(Files.exists(dir.resolve("s.jsonl")), "the session file has its header from the start");
    }

    @Test
    void withTlsItServesHttpsWithAGeneratedCertificate() {
        Cli.Result r = Cli.run("serve", "s3", "--port", "0", "--stop-after", "300ms", "--tls");
        assertEquals(0, r.code(), r::toString);
        assertTrue(Pattern.compile("listening on https://127\\.0\\.0\\.1:\\d+").matcher(r.out()).find(), r::toString);
        assertTrue(Pattern.compile("TLS certificate SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\n").matcher(r.out()).find(), r::toString);
    }

    @Test
    void badInputIsOneLine() throws Exception {
        assertTrue(oneLine(Cli.run("serve", "kafka")).contains("'kafka' (allowed: s3)"));
        assertTrue(oneLine(Cli.run("serve", "s3", "--consistency", "eventual")).contains("legacy, strong"));
        assertTrue(oneLine(Cli.run("serve", "s3", "--credentials", dir.resolve("none").toString())).contains("no such file"));
        assertTrue(oneLine(Cli.run("serve", "s3", "--legacy-lag", "0s")).contains("--legacy-lag: '0s'"));
        assertTrue(oneLine(Cli.run("serve", "s3", "--legacy-lag", "25h")).contains("at most 24h"));
        assertTrue(oneLine(Cli.run("serve", "s3", "--legacy-lag", "soon")).contains("--legacy-lag"));
        assertTrue(oneLine(Cli.run("serve", "s3", "--tls", "--tls-keystore", "k.p12")).contains("choose one"));
        assertTrue(oneLine(Cli.run("serve", "s3", "--tls-keystore", dir.resolve("none.p12").toString())).contains("no such file"));
        Path garbage = dir.resolve("garbage.p12");
        Files.writeString(garbage, "not a key store");
        assertTrue(oneLine(Cli.run("serve", "s3", "--tls-keystore", garbage.toString())).contains("--tls-keystore"));
        assertTrue(oneLine(Cli.run("serve", "s3", "--bucket-quota", "0")).contains("--bucket-quota 0"));
        assertTrue(oneLine(Cli.run("serve", "s3", "--access-key", "AKID")).contains("go together"));
        Path bad = dir.resolve("creds.txt");
        Files.writeString(bad, "alice AKIDALICE\n");
        assertTrue(oneLine(Cli.run("serve", "s3", "--credentials", bad.toString())).contains("line 1"));
        assertTrue(oneLine(Cli.run("run", "s3/replay")).contains("--session FILE"));
        assertTrue(oneLine(Cli.run("run", "s3/replay", "--session", dir.resolve("missing.jsonl").toString())).contains("no such file"));
        Path notSession = dir.resolve("x.jsonl");
        Files.writeString(notSession, "{\"hello\":1}\n");
        assertTrue(oneLine(Cli.run("run", "s3/replay", "--session", notSession.toString())).contains("line 1"));
    }
}
