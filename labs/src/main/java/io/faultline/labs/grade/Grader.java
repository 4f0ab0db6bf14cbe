package io.faultline.labs.grade;

import io.faultline.labs.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Grades a student's project for a lab: compiles {@code src/main/java} (no Maven needed), checks
 * the compiled classes against the sandbox rules, then runs every graded test in a separate JVM
 * under limits. The grade depends only on the sources and the key: simulations are deterministic
 * and the hidden seeds come from the key.
 *
 * <pre>{@code
 * Grade g = Grader.grade(Labs.S3_READ_YOUR_WRITES, Path.of("student"), GradeOptions.defaults(Optional.empty()));
 * g.score();   // 0..100
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Grader {
    private Grader() {
    }

    /**
     * The grade of {@code project}; throws {@link IllegalArgumentException} with one line when
     * {@code project} is not a lab project (the caller's bad input, not a student's failure).
     */
    public static Grade grade(Lab lab, Path project, GradeOptions options) {
        if (!Files.isDirectory(project.resolve("src/main/java"))) {
            throw new IllegalArgumentException(project + ": not a lab project (no src/main/java); make one with"
                    + " 'faultline lab init " + lab.name() + " " + project + "'");
        }
        Path root = project.toAbsolutePath().normalize();
        String key = options.key().equals(GradeOptions.PRACTICE_KEY) ? "practice" : "course";
        StudentBuild.Result build = StudentBuild.compile(root, GraderClasspath.current());
        if (!build.compiled()) {
            return allFail(lab, key, "not run: the project does not compile:\n" + lines(build.errors()));
        }
        if (options.staticCheck()) {
            List<String> violations = SandboxRules.violations(build.classes());
            if (!violations.isEmpty()) {
                return allFail(lab, key, "not run: the code breaks the sandbox rules:\n" + lines(violations));
            }
        }
        return new Grade(lab.name(), key, GradingJvm.run(lab, root, build.classes(), options));
    }

    private static Grade allFail(Lab lab, String key, String why) {
        List<TestGrade> tests = new ArrayList<>();
        for (String t : lab.tests()) {
            tests.add(TestGrade.fail(t, why));
        }
        return new Grade(lab.name(), key, tests);
    }

    private static String lines(List<String> items) {
        List<String> shown = items.size() > 10 ? new ArrayList<>(items.subList(0, 10)) : new ArrayList<>(items);
        if (items.size() > 10) {
            shown.add("... and " + (items.size() - 10) + " more");
        }
        return "  " + String.join("\n  ", shown);
    }
}
