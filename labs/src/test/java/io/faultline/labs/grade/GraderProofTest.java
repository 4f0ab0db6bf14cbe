package io.faultline.labs.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.labs.Lab;
import io.faultline.labs.Labs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grader's own proof, per lab: the reference scores 100; each planted bug scores less, and the
 * test that catches it names the guarantee it breaks, with a seed, a schedule and a replay line;
 * the skeleton compiles and scores 0, the same on every grading.
 */
class GraderProofTest {
    private static final GradeOptions OPTIONS = GradeOptions.defaults(Optional.of("the grader's proof"));

    static Stream<Lab> labs() {
        return Labs.all().stream();
    }

    static Stream<Object[]> plantedBugs() throws IOException {
        List<Object[]> all = new ArrayList<>();
        for (Lab lab : Labs.all()) {
            for (PlantedBug bug : bugs(lab)) {
                all.add(new Object[] {lab, bug});
            }
        }
        return all.stream();
    }

    private static List<PlantedBug> bugs(Lab lab) throws IOException {
        Path dir = StudentProjects.ROOT.resolve("labs/src/test/resources/planted-bugs/" + lab.name());
        List<PlantedBug> bugs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bug")).sorted().toList()) {
                bugs.add(PlantedBug.read(f));
            }
        }
        return bugs;
    }

    private static String why(Grade g) {
        return g.tests().stream().filter(t -> !t.passed()).map(t -> t.test() + ": " + t.message())
                .collect(Collectors.joining("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void everyLabHasAReferenceAndAtLeastThreePlantedBugs(Lab lab) throws IOException {
        assertTrue(Files.isRegularFile(StudentProjects.referenceSource(lab)), "reference of " + lab.name());
        List<PlantedBug> bugs = bugs(lab);
        assertTrue(bugs.size() >= 3, lab.name() + " has " + bugs.size() + " planted bugs");
        for (PlantedBug b : bugs) {
            assertTrue(lab.tests().contains(b.test()), b.name() + " names a graded test: " + b.test());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void theReferenceScoresFullMarks(Lab lab) throws IOException {
        Path dir = StudentProjects.withClass(lab, lab.name() + "-reference", Files.readString(StudentProjects.referenceSource(lab)));
        Grade g = Grader.grade(lab, dir, OPTIONS);
        assertEquals(100, g.score(), () -> why(g));
        assertEquals(lab.tests(), g.tests().stream().map(TestGrade::test).toList());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("plantedBugs")
    void eachPlantedBugScoresLessAndTheFailingTestNamesTheGuarantee(Lab lab, PlantedBug bug) throws IOException {
        String code = bug.plant(Files.readString(StudentProjects.referenceSource(lab)));
        Grade g = Grader.grade(lab, StudentProjects.withClass(lab, lab.name() + "-" + bug.name(), code), OPTIONS);
        assertTrue(g.score() < 100, bug.name() + " (" + bug.mistake() + ") scored " + g.score());
        TestGrade caught = g.tests().stream().filter(t -> t.test().equals(bug.test())).findFirst().orElseThrow();
        assertFalse(caught.passed(), bug.name() + " should fail " + bug.test() + ":\n" + why(g));
        String m = caught.message();
        assertTrue(m.contains("failed: " + bug.breaks() + ":") || m.contains("failed: " + bug.breaks() + " "),
                "the failure names the guarantee '" + bug.breaks() + "':\n" + m);
        assertTrue(m.matches("(?s).*seed \\d+ failed: .*fault schedule.*replay it with:\\s+@Replay\\(seed = \\d+, faults = .*"),
                "seed, schedule and replay line:\n" + m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void theSkeletonCompilesScoresZeroAndAlwaysTheSame(Lab lab) throws IOException {
        Path dir = StudentProjects.fresh(lab.name() + "-skeleton");
        LabInit.write(lab, dir);
        Grade g = Grader.grade(lab, dir, OPTIONS);
        assertEquals(0, g.score(), () -> why(g));
        for (TestGrade t : g.tests()) {
            assertFalse(t.message().contains("does not compile"), t.message());
        }
        Grade again = Grader.grade(lab, dir, OPTIONS);
        assertEquals(GradeFiles.json(g), GradeFiles.json(again), "the same directory gets the same grade");
    }
}
