package io.faultline.labs.grade;

import org.apiguardian.api.API;

/**
 * The grade of one graded test: passed or not, and for a failure what the student needs: the
 * failing check (which names the guarantee), the seed, the shrunk fault schedule and the
 * {@code @Replay} line; or why the test could not run (compile error, sandbox rule, time limit).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TestGrade(String test, boolean passed, String message) {
    public static TestGrade pass(String test) {
        return new TestGrade(test, true, "");
    }

    public static TestGrade fail(String test, String message) {
        return new TestGrade(test, false, message);
    }
}
