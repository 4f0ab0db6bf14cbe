package io.faultline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The same files give the same bytes: {@code faultline check --json} twice on every file of the
 * Porcupine corpus (read in place) prints identical output and exits the same. The searches race
 * for the verdict, and keys are checked on two threads, but nothing shown depends on who won: no
 * timings, WGL's counterexample, the first invalid key in a fixed order. The two largest kv files
 * ({@code c50-*}, about 20 s of CPU a run) are left to the measurement in the report of this change;
 * {@code c10-bad} exercises the same keyed race at a tenth of the cost.
 */
class CheckOutputRepeatsTest {
    private static final String LIMIT = "120s";

    private static Path corpus() {
        String shared = System.getProperty("faultline.shared");
        assumeTrue(shared != null, "system property faultline.shared is not set (surefire sets it to"
                + " <repo>/../shared); skipping the repeatability test");
        Path dir = Path.of(shared, "corpus", "porcupine", "test_data");
        assumeTrue(Files.isDirectory(dir), "Porcupine corpus not found at " + dir + "; skipping");
        return dir;
    }

    private static List<String> files(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(Path::toString).filter(p -> p.endsWith(suffix)).sorted().toList();
        }
    }

    private static void twiceTheSame(String model, List<String> files) {
        List<String> args = new ArrayList<>(List.of("check", "--model", model, "--json", "--time-limit", LIMIT));
        args.addAll(files);
        CheckRun first = CheckRun.of(args.toArray(String[]::new));
        CheckRun second = CheckRun.of(args.toArray(String[]::new));
        assertEquals(files.size(), first.out().lines().count(), first.toString());
        assertEquals(first.out(), second.out(), "standard output of two identical checks");
        assertEquals(first.err(), second.err(), "standard error of two identical checks");
        assertEquals(first.exit(), second.exit());
    }

    @Test
    void everyEtcdLogTwiceGivesTheSameBytes() throws Exception {
        List<String> logs = files(corpus().resolve("jepsen"), ".log");
        assertEquals(103, logs.size());
        twiceTheSame("cas-register-etcd", logs);
    }

    @Test
    void kvHistoriesTwiceGiveTheSameBytes() throws Exception {
        List<String> kv = files(corpus().resolve("kv"), ".txt").stream()
                .filter(p -> !p.contains("c50-")).toList();
        assertEquals(4, kv.size());
        twiceTheSame("kv", kv);
    }
}
