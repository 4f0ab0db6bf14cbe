package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The sweep's choice between C1 alone and C2, and the JVM arguments of the relaunch. */
class SweepJitTest {

    @Test
    void aShortSweepOnEveryCoreStaysWithC1AndALongOneWantsC2() {
        // demo/broadcast: about 4,100 events a seed.
        assertFalse(SweepJit.wantsC2(2, 2, 2_000, 4_100));
        assertTrue(SweepJit.wantsC2(2, 2, 5_000, 4_100));
        // kafka/safe: about 38,000 events a seed.
        assertFalse(SweepJit.wantsC2(2, 2, 200, 38_000));
        assertTrue(SweepJit.wantsC2(2, 2, 1_000, 38_000));
    }

    @Test
    void aSpareCoreForTheCompilerMakesC2PayForShorterSweeps() {
        assertFalse(SweepJit.wantsC2(2, 2, 100, 38_000));
        assertTrue(SweepJit.wantsC2(1, 2, 100, 38_000));
        assertFalse(SweepJit.wantsC2(1, 2, 10, 38_000));
    }

    @Test
    void aHugeSweepDoesNotOverflowItsEventCount() {
        assertTrue(SweepJit.wantsC2(2, 2, Long.MAX_VALUE / 2, 1_000));
        assertFalse(SweepJit.wantsC2(2, 2, 1, 0));
    }

    @Test
    void theRelaunchDropsOnlyTheLaunchersC1Choice() {
        List<String> launcher = List.of("-XX:+UseSerialGC", "-Xmn512m", "-Dfaultline.sweep.jit=c1", "-XX:TieredStopAtLevel=1", "-Xmx2g");
        assertEquals(Optional.of(List.of("-XX:+UseSerialGC", "-Xmn512m", "-Xmx2g")), SweepJit.withoutC1(launcher));
    }

    @Test
    void aJitTheUserChoseIsKept() {
        // FAULTLINE_JAVA_OPTS comes after the launcher's flags: its choice wins, and no relaunch undoes it.
        assertEquals(Optional.empty(), SweepJit.withoutC1(List.of("-Dfaultline.sweep.jit=c1", "-XX:TieredStopAtLevel=1",
                "-XX:TieredStopAtLevel=4")));
        assertEquals(Optional.empty(), SweepJit.withoutC1(List.of("-Dfaultline.sweep.jit=c1", "-XX:TieredStopAtLevel=1",
                "-XX:TieredStopAtLevel=1")));
        assertEquals(Optional.empty(), SweepJit.withoutC1(List.of("-XX:-TieredCompilation")));
        // Not started with C1 alone: nothing to relaunch for.
        assertEquals(Optional.empty(), SweepJit.withoutC1(List.of("-XX:+UseSerialGC")));
    }
}
