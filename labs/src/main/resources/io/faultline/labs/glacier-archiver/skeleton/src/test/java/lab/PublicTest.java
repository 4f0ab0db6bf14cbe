package lab;

import io.faultline.labs.glacier.GlacierArchiverSuite;

/**
 * The graded tests on their public seeds: {@code mvn test} runs them against your
 * GlacierArchiver. A failing seed prints its {@code @Replay} line; to rerun exactly that case,
 * override the test here with the line above it, e.g.
 *
 * <pre>{@code
 * @Override
 * @Replay(seed = 3, faults = "")
 * @SimulationTest(seeds = 1)
 * public void deadlinesMet(Trial trial) {
 *     super.deadlinesMet(trial);
 * }
 * }</pre>
 *
 * The grader runs the same tests on hidden seeds as well.
 */
class PublicTest extends GlacierArchiverSuite {
}
