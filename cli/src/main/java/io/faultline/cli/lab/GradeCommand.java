package io.faultline.cli.lab;

import io.faultline.cli.ExitCodes;
import io.faultline.labs.Lab;
import io.faultline.labs.grade.Grade;
import io.faultline.labs.grade.GradeFiles;
import io.faultline.labs.grade.GradeOptions;
import io.faultline.labs.grade.Grader;
import io.faultline.labs.grade.TestGrade;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code faultline grade LAB DIR}: grades a student's project and prints a line per graded test,
 * each failure with its seed, shrunk schedule and {@code @Replay} line; writes {@code grade.json}
 * and {@code grade.html} into DIR. Exit 0 when every test passed, 1 when one failed, 2 on bad input.
 */
@Command(name = "grade", description = "Grade a student's project for LAB: a score per graded test, grade.json and grade.html in DIR.",
        mixinStandardHelpOptions = true)
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GradeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LabAndDir args;

    @CommandLine.Option(names = "--key", paramLabel = "KEY",
            description = "the grading key the hidden seeds come from (default: $" + GradeOptions.KEY_VARIABLE
                    + ", else the practice key)")
    Optional<String> key = Optional.empty();

    @Override
    public Integer call() throws IOException {
        Lab l = LabNames.lab(args.lab);
        Path dir = args.dir;
        if (key.isPresent() && key.get().isBlank()) {
            throw new ExitCodes.BadInput("--key: the grading key must not be blank");
        }
        Grade g;
        try {
            g = Grader.grade(l, dir, GradeOptions.defaults(key));
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.BadInput(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        int width = g.tests().stream().mapToInt(t -> t.test().length()).max().orElse(1);
        for (TestGrade t : g.tests()) {
            out.printf("%s  %-" + width + "s%n", t.passed() ? "PASS" : "FAIL", t.test());
            if (!t.passed()) {
                out.println("      " + t.message().replace("\n", "\n      "));
            }
        }
        out.println("score: " + g.score() + "/100 (" + g.passed() + " of " + g.tests().size() + " graded tests passed, "
                + g.key() + " key)");
        List<Path> files = GradeFiles.write(g, dir);
        out.println("wrote " + files.get(0) + " and " + files.get(1));
        out.flush();
        return g.score() == 100 ? ExitCodes.VALID : ExitCodes.INVALID;
    }
}
