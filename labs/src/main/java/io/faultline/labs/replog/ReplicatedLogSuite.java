package io.faultline.labs.replog;

import io.faultline.faults.Trial;
import io.faultline.junit.SimulationTest;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The graded tests of lab {@code replicated-log}: one per guarantee, each over generated faults
 * of the brokers on its own fixed seed set (the public seeds, which a student's own project runs too)
 * and, when the grader runs it, over hidden seeds drawn from the grading key. Every test also
 * needs progress after the heal, so brokers that acknowledge nothing score nothing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ReplicatedLogSuite {
    /** How many seeds each test runs; the grader runs as many hidden ones. */
    public static final int SEEDS = 8;
    private static final List<String> ALL_FAULTS = List.of("crash", "pause", "partition");

    /** Leaders crash and pause: every acknowledged record stays at its offset and is read. */
    @SimulationTest(seeds = SEEDS, firstSeed = 1, maxShrinkReruns = 30)
    public void noLostAcknowledgedWrite(Trial trial) {
        LogRun.start(trial, List.of("crash", "pause")).guarantee(Guarantee.NO_LOST_ACKNOWLEDGED_WRITE);
    }

    /** Every fault: the consumers read one log, the same record at every offset, in order. */
    @SimulationTest(seeds = SEEDS, firstSeed = 1001, maxShrinkReruns = 30)
    public void noDivergence(Trial trial) {
        LogRun.start(trial, ALL_FAULTS).guarantee(Guarantee.NO_DIVERGENCE);
    }

    /** Every fault: a consumer never reads a record that is not committed yet (it could vanish). */
    @SimulationTest(seeds = SEEDS, firstSeed = 2001, maxShrinkReruns = 30)
    public void readsBelowHighWatermark(Trial trial) {
        LogRun.start(trial, ALL_FAULTS).guarantee(Guarantee.READS_BELOW_HIGH_WATERMARK);
    }
}
