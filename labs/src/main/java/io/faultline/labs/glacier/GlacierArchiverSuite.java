package io.faultline.labs.glacier;

import io.faultline.faults.Trial;
import io.faultline.junit.SimulationTest;
import org.apiguardian.api.API;

/**
 * The graded tests of lab {@code glacier-archiver}, each over a simulated year per seed: the public
 * seeds, which a student's own project runs too, and, when the grader runs it, hidden seeds drawn
 * from the grading key ({@code -Dfaultline.firstSeed}). Deadlines are hard; cost is judged only for
 * a year in which every deadline was met.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class GlacierArchiverSuite {
    /** How many seeds each test runs; the grader runs as many hidden ones. */
    public static final int SEEDS = 4;

    /** Every read, hot or cold, succeeds at its deadline. */
    @SimulationTest(seeds = SEEDS)
    public void deadlinesMet(Trial trial) {
        ArchiveRun.start(trial).deadlinesMet();
    }

    /** The year's bill stays within 1.1x the budget plan's. */
    @SimulationTest(seeds = SEEDS)
    public void costWithinBudget(Trial trial) {
        ArchiveRun.start(trial).costWithinBudget();
    }
}
