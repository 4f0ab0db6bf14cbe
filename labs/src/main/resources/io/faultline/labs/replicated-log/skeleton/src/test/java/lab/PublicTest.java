package lab;

import io.faultline.labs.replog.ReplicatedLogSuite;

/**
 * The graded tests on their public seeds: {@code mvn test} runs them against your
 * ReplicatedLog. A failing seed prints its shrunk fault schedule and a {@code @Replay} line;
 * to rerun exactly that case, override the test here with the line above it, e.g.
 *
 * <pre>{@code
 * @Override
 * @Replay(seed = 3, faults = "@1.2s crash ...")
 * @SimulationTest(seeds = 1)
 * public void noLostAcknowledgedWrite(Trial trial) {
 *     super.noLostAcknowledgedWrite(trial);
 * }
 * }</pre>
 *
 * The grader runs the same tests on hidden seeds as well.
 */
class PublicTest extends ReplicatedLogSuite {
}
