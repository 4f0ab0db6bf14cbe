package lab;

import io.faultline.labs.kafkas3.KafkaToS3Suite;

/**
 * The graded tests on their public seeds: {@code mvn test} runs them against your
 * ExactlyOnceSink. A failing seed prints its shrunk fault schedule and a {@code @Replay} line;
 * to rerun exactly that case, override the test here with the line above it, e.g.
 *
 * <pre>{@code
 * @Override
 * @Replay(seed = 3, faults = "@1.2s crash ...")
 * @SimulationTest(seeds = 1)
 * public void noDuplicate(Trial trial) {
 *     super.noDuplicate(trial);
 * }
 * }</pre>
 *
 * The grader runs the same tests on hidden seeds as well.
 */
class PublicTest extends KafkaToS3Suite {
}
