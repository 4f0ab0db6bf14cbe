package io.faultline.labs.grade;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A lab's grade: one line per graded test, and the score, the percentage of tests passed.
 *
 * @param lab      the lab's name
 * @param key      {@code practice} or {@code course} (the key itself stays secret)
 * @param tests    the graded tests, in the lab's order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Grade(String lab, String key, List<TestGrade> tests) {
    public Grade {
        tests = List.copyOf(tests);
    }

    public int passed() {
        return (int) tests.stream().filter(TestGrade::passed).count();
    }

    /** Whole percent of the graded tests that passed, rounded down. */
    public int score() {
        return tests.isEmpty() ? 0 : 100 * passed() / tests.size();
    }
}
