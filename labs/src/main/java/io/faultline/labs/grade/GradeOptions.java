package io.faultline.labs.grade;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How to grade: the grading key the hidden seeds come from, the wall-time limit of one graded
 * test, whether to check the student's bytecode for forbidden APIs before running it (the grader's
 * own tests turn it off to prove the JVM limits alone).
 *
 * @param key          the grading key; {@link #PRACTICE_KEY} when the course gave none
 * @param testLimit    wall time one graded test may take (all its seeds, shrinking included)
 * @param staticCheck  reject forbidden APIs in the compiled classes before running them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GradeOptions(String key, Duration testLimit, boolean staticCheck) {
    /** The key when none is given: its hidden seeds are the same for everyone, fine for practice. */
    public static final String PRACTICE_KEY = "practice";

    /** The environment variable a course sets to its own key. */
    public static final String KEY_VARIABLE = "FAULTLINE_GRADING_KEY";

    public GradeOptions {
        if (key.isBlank()) {
            throw new IllegalArgumentException("the grading key must not be blank");
        }
        if (testLimit.isNegative() || testLimit.isZero()) {
            throw new IllegalArgumentException("the test limit must be positive");
        }
    }

    /** The key from {@code key} if given, else from {@value #KEY_VARIABLE}, else the practice key; 40 s per test. */
    public static GradeOptions defaults(Optional<String> key) {
        String k = key.or(() -> Optional.ofNullable(System.getenv(KEY_VARIABLE)).filter(s -> !s.isBlank()))
                .orElse(PRACTICE_KEY);
        return new GradeOptions(k, Duration.ofSeconds(40), true);
    }

    public GradeOptions withTestLimit(Duration limit) {
        return new GradeOptions(key, limit, staticCheck);
    }

    public GradeOptions withoutStaticCheck() {
        return new GradeOptions(key, testLimit, false);
    }
}
