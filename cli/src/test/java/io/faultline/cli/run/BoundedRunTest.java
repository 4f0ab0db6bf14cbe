package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --time-limit} and the memory bound: a run that hits one is UNKNOWN (exit 3) with the
 * reason, and its report is written. A limit of 1ns is spent at the first look, whatever the
 * machine's speed, so these tests assert no timing.
 */
class BoundedRunTest {

    @Test
    void aRunThatHitsItsTimeLimitIsUnknownWithTheReasonAndAReport(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("r.html");
        Cli.Result r = Cli.run("run", "demo/broadcast", "--seed", "1", "--duration", "1h", "--time-limit", "1ns",
                "--report", page.toString());
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().startsWith("demo/broadcast  seed 1  UNKNOWN\n"), r::toString);
        assertTrue(r.out().contains("stopped by BUDGET_SPENT (time limit 1ns of the run reached)"), r::toString);
        assertTrue(Files.readString(page).contains("time limit 1ns of the run reached"), "the report says why");
        assertEquals("", r.err());
    }

    @Test
    void theChecksAfterTheStopAreBoundedByTheTimeLimitToo(@TempDir Path dir) {
        // The linearizability search gets what the limit leaves: nothing here, so it is not started.
        Cli.Result r = Cli.run("run", "s3/strong", "--seed", "1", "--duration", "1h", "--time-limit", "1ns",
                "--report", dir.resolve("r.html").toString());
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("linearizable per key (s3-object)"), r::toString);
        assertTrue(r.out().contains("not checked: the run's time limit was reached"), r::toString);
    }

    @Test
    void aSweepThatHitsItsTimeLimitCountsTheSeedsUnknown() {
        Cli.Result r = Cli.run("sweep", "demo/broadcast", "--seeds", "2", "--parallel", "1", "--duration", "1h",
                "--time-limit", "1ns");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("0 VALID, 0 INVALID, 2 UNKNOWN"), r::toString);
    }

    @Test
    void aRunTooLongToHoldInMemoryStopsUnknownInsteadOfExhaustingTheHeap(@TempDir Path dir) throws Exception {
        // 100,000 days of a sample every second: billions of pending events before the first one fires.
        Path page = dir.resolve("r.html");
        Cli.Result r = Cli.run("run", "demo/broadcast", "--seed", "1", "--duration", "100000d", "--report", page.toString());
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("stopped by PENDING_BOUND (more than "), r::toString);
        assertTrue(Files.exists(page));
    }

    @Test
    void aTimeLimitTakesTheUnitsOfDurationAndRejectsOthers() {
        Cli.Result days = Cli.run("run", "demo/echo", "--seed", "1", "--duration", "1s", "--time-limit", "1d",
                "--report", "target/bounded-echo.html");
        assertEquals(0, days.code(), days::toString);
        Cli.Result bad = Cli.run("run", "demo/echo", "--seed", "1", "--time-limit", "soon");
        assertEquals(2, bad.code(), bad::toString);
        assertEquals("faultline: --time-limit: 'soon' is not a duration; use a whole number and a unit"
                + " (ns, us, ms, s, m, h, d), e.g. 250ms, 30s, 10m, 2h, 400d\n", bad.err());
        Cli.Result zero = Cli.run("run", "demo/echo", "--seed", "1", "--time-limit", "0s");
        assertEquals(2, zero.code(), zero::toString);
    }
}
