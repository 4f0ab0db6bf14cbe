package io.faultline.labs;

import io.faultline.junit.SimulationTest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One lab: its name on the command line, what it is about, the class the student writes, the
 * graded suite (a class whose {@code @SimulationTest} methods are the graded tests, one per
 * guarantee), how many hidden seeds each test runs, and the files of the student's skeleton
 * project (resources under {@code /io/faultline/labs/NAME/skeleton/}).
 *
 * @param name          e.g. {@code s3-read-your-writes}
 * @param title         one line, for {@code faultline lab list}
 * @param studentClass  the class the student's project must define, e.g. {@code lab.ConsistentS3Client}
 * @param suite         the graded suite
 * @param hiddenSeeds   hidden seeds per test, drawn from the grading key
 * @param skeleton      the skeleton's files, relative to the project's root
 * @param chapter       the docs chapter, e.g. {@code lab-s3-read-your-writes.html}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Lab(String name, String title, String studentClass, Class<?> suite, int hiddenSeeds,
                  List<String> skeleton, String chapter) {

    public Lab {
        skeleton = List.copyOf(skeleton);
    }

    /** The graded tests: the suite's {@code @SimulationTest} methods, by name (a stable order). */
    public List<String> tests() {
        List<String> names = new ArrayList<>();
        for (Method m : suite.getMethods()) {
            if (m.isAnnotationPresent(SimulationTest.class)) {
                names.add(m.getName());
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** The classpath resource of a skeleton file. */
    public String resource(String file) {
        return "/io/faultline/labs/" + name + "/skeleton/" + file;
    }
}
