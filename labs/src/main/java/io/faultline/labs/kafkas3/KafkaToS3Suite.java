package io.faultline.labs.kafkas3;

import io.faultline.faults.Trial;
import io.faultline.junit.SimulationTest;
import org.apiguardian.api.API;

/**
 * The graded tests of lab {@code kafka-to-s3}: one per guarantee, each over generated faults on
 * the sink members (crashes, pauses, partitions) on a fixed seed set and, when the grader runs
 * it, over hidden seeds drawn from the grading key. Every test also needs the group to drain the
 * topic to S3 once the faults heal, so a sink that writes nothing scores nothing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class KafkaToS3Suite {
    /** How many seeds each test runs; the grader runs as many hidden ones. */
    public static final int SEEDS = 4;

    /** Two members: every acknowledged record reaches S3, whatever crashed while it was in flight. */
    @SimulationTest(seeds = SEEDS, maxShrinkReruns = 10)
    public void noLoss(Trial trial) {
        SinkRun.start(trial, 2).noLoss();
    }

    /** Three members, so more rebalances: no record is written to S3 twice, across retries and rebalances. */
    @SimulationTest(seeds = SEEDS, maxShrinkReruns = 10)
    public void noDuplicate(Trial trial) {
        SinkRun.start(trial, 3).noDuplicate();
    }
}
