package io.faultline.labs.s3ryw;

import io.faultline.faults.Trial;
import io.faultline.junit.SimulationTest;
import io.faultline.models.s3.check.S3Checks;
import org.apiguardian.api.API;

/**
 * The graded tests of lab {@code s3-read-your-writes}: one per guarantee, each over generated
 * faults on a fixed seed set (the public seeds, which a student's own project runs too) and, when
 * the grader runs it, over hidden seeds drawn from the grading key ({@code -Dfaultline.firstSeed}).
 * Every test also needs progress after the heal, so a client that answers nothing scores nothing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ReadYourWritesSuite {
    /** How many seeds each test runs; the grader runs as many hidden ones. */
    public static final int SEEDS = 4;

    /** Overwrites of shared keys: every get returns the latest completed put (linearizable, per key). */
    @SimulationTest(seeds = SEEDS, maxShrinkReruns = 30)
    public void readAfterWrite(Trial trial) {
        LabRun.start(trial, Workloads::overwrites).guarantee("read-after-write", S3Checks::linearizable);
    }

    /** New keys read while missing, then written: the write is seen at once all the same. */
    @SimulationTest(seeds = SEEDS, maxShrinkReruns = 30)
    public void readAfterWriteOfNewKeys(Trial trial) {
        LabRun.start(trial, Workloads::newKeys).guarantee("read-after-write of new keys", S3Checks::linearizable);
    }

    /** A list shows every key whose put completed before it began. */
    @SimulationTest(seeds = SEEDS, maxShrinkReruns = 30)
    public void listAfterWrite(Trial trial) {
        LabRun.start(trial, Workloads::putsThenLists).guarantee("list-after-write", S3Checks::listSeesCompletedWrites);
    }
}
