package io.faultline.labs.grade;

import io.faultline.labs.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Students' projects for the grader's own tests, under {@code target/grader-proof}. */
final class StudentProjects {
    static final Path ROOT = Path.of(System.getProperty("faultline.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/grader-proof").toAbsolutePath();

    private StudentProjects() {
    }

    /** The lab's reference solution, kept apart from the skeleton in {@code labs/src/reference/LAB}. */
    static Path referenceSource(Lab lab) {
        return ROOT.resolve("labs/src/reference/" + lab.name() + "/src/main/java/" + lab.studentClass().replace('.', '/') + ".java");
    }

    /** A fresh project {@code name} whose only source is the student class with {@code code}. */
    static Path withClass(Lab lab, String name, String code) throws IOException {
        Path dir = fresh(name);
        Path file = dir.resolve("src/main/java/" + lab.studentClass().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, code);
        return dir;
    }

    /** A fresh, empty directory {@code name}. */
    static Path fresh(String name) throws IOException {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dir;
    }
}
