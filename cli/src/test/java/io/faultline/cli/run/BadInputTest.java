package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: exit 2, one line on standard error naming the word and what is allowed, no stack trace. */
class BadInputTest {

    private static String oneLine(Cli.Result r) {
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
        return r.err();
    }

    @Test
    void unknownScenarioListsTheKnownOnes() {
        String err = oneLine(Cli.run("run", "nosuch"));
        assertTrue(err.contains("'nosuch'") && err.contains("demo/broadcast, demo/echo"), err);
    }

    @Test
    void unknownSettingListsTheKeysAndWhereToReadTheirValues() {
        String err = oneLine(Cli.run("run", "demo/broadcast", "--set", "nosuchkey=1"));
        assertTrue(err.contains("'nosuchkey'"), err);
        assertTrue(err.contains("allowed keys: nodes, "), err);
        assertTrue(err.contains("`faultline describe demo/broadcast` shows each key's default and values"), err);
    }

    @Test
    void aBadKafkaValueNamesKeyValueAndWhatIsAllowedButNotTheWordVersion() {
        assertEquals("faultline: --set: acks: '2' is not one of 0, 1, all, -1\n",
                oneLine(Cli.run("run", "kafka/safe", "--seed", "1", "--set", "acks=2")));
        assertEquals("faultline: --set: kafka.version: '9.9' is not one of 0.8, 0.10, 0.11, 2.0, 3.7, 4.0\n",
                oneLine(Cli.run("run", "kafka/safe", "--seed", "1", "--set", "kafka.version=9.9")));
        assertEquals("faultline: --set: min.insync.replicas: '0' is not an integer in 1..16\n",
                oneLine(Cli.run("run", "kafka/safe", "--seed", "1", "--set", "min.insync.replicas=0")));
        String err = oneLine(Cli.run("run", "kafka/safe", "--seed", "1", "--set", "version=9.9"));
        assertTrue(err.startsWith("faultline: --set: unknown key 'version' (did you mean kafka.version?); allowed keys: "
                + "kafka.version, acks, "), err);
    }

    @Test
    void settingOutOfRangeNamesKeyAndRange() {
        String err = oneLine(Cli.run("run", "demo/broadcast", "--set", "nodes=1000"));
        assertTrue(err.contains("nodes") && err.contains("1000") && err.contains("100"), err);
    }

    @Test
    void badDurationShowsTheAllowedForms() {
        String err = oneLine(Cli.run("run", "demo/echo", "--duration", "banana"));
        assertTrue(err.contains("'banana'") && err.contains("30s, 10m, 2h, 400d"), err);
    }

    @Test
    void badSeedIsBadInput() {
        String err = oneLine(Cli.run("run", "demo/echo", "--seed", "abc"));
        assertTrue(err.contains("abc"), err);
    }

    @Test
    void sweepRejectsBadInputBeforeRunning() {
        assertTrue(oneLine(Cli.run("sweep", "nosuch", "--seeds", "3")).contains("'nosuch'"));
        assertTrue(oneLine(Cli.run("sweep", "demo/echo", "--seeds", "0")).contains("--seeds 0"));
        assertTrue(oneLine(Cli.run("sweep", "demo/echo", "--seeds", "2", "--parallel", "0")).contains("--parallel 0"));
        assertTrue(oneLine(Cli.run("sweep", "demo/echo", "--seeds", "2", "--set", "x=1")).contains("'x'"));
    }

    @Test
    void unwritableReportNamesTheFile(@TempDir Path dir) {
        String err = oneLine(Cli.run("run", "demo/echo", "--seed", "1", "--duration", "1s", "--report", dir.toString()));
        assertTrue(err.contains("--report " + dir + ": cannot write it"), err);
    }

    @Test
    void missingScenarioIsBadInput() {
        oneLine(Cli.run("run"));
    }
}
