package io.faultline.checker.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared Porcupine corpus, read in place (never copied into the repository). */
final class Corpus {
    private Corpus() {
    }

    /** {@code <shared>/corpus/porcupine}, or the test is skipped saying why. */
    static Path porcupine() {
        String shared = System.getProperty("faultline.shared");
        assumeTrue(shared != null, "system property faultline.shared is not set (surefire sets it to <repo>/../shared);"
                + " skipping the corpus test");
        Path dir = Path.of(shared, "corpus", "porcupine");
        assumeTrue(Files.isDirectory(dir), "corpus not found at " + dir + "; skipping the corpus test");
        return dir;
    }

    static List<Path> files(String sub, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(porcupine().resolve("test_data").resolve(sub))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
