package io.faultline.labs.grade;

import io.faultline.labs.Lab;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Writes a lab's student project: a stand-alone Maven project (the skeleton, the public tests, a
 * README) whose POM imports {@code faultline-bom} and depends on {@code faultline-labs}. Maven
 * finds those artifacts once {@code ./mvnw install} ran in a faultline checkout (or a course's
 * repository serves them); {@code faultline grade} itself needs neither Maven nor that step.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LabInit {
    private LabInit() {
    }

    /**
     * Writes the project into {@code dir}, which must be absent or empty; returns the files
     * written. Throws {@link IllegalArgumentException} with one line when {@code dir} is in use.
     */
    public static List<Path> write(Lab lab, Path dir) {
        try {
            if (Files.exists(dir) && !(Files.isDirectory(dir) && isEmpty(dir))) {
                throw new IllegalArgumentException(dir + " already exists and is not an empty directory;"
                        + " name a new directory for the project");
            }
            List<Path> written = new ArrayList<>();
            for (String file : lab.skeleton()) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = LabInit.class.getResourceAsStream(lab.resource(file))) {
                    if (in == null) {
                        throw new IllegalStateException("skeleton file missing from the labs jar: " + lab.resource(file));
                    }
                    Files.copy(in, target);
                }
                written.add(target);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
