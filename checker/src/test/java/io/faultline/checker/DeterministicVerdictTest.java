package io.faultline.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.faultline.checker.history.History;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.checker.model.Models;

/**
 * The verdict a check reports does not depend on which search or thread was faster: in competition
 * the counterexample is always the one WGL alone finds (the linear search may decide first, its
 * counterexample differs), and a keyed check on two threads reports the same keys, verdicts and
 * counterexample as on one. Run on the Porcupine corpus (read in place), where the race was seen:
 * {@code etcd_000.log} showed the linear search's counterexample about one run in six.
 */
class DeterministicVerdictTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static Path corpus() {
        String shared = System.getProperty("faultline.shared");
        assumeTrue(shared != null, "system property faultline.shared is not set (surefire sets it to "
                + "<repo>/../shared); skipping the corpus test");
        Path dir = Path.of(shared, "corpus", "porcupine", "test_data");
        assumeTrue(Files.isDirectory(dir), "no Porcupine corpus at " + dir + "; skipping the corpus test");
        return dir;
    }

    private static History read(Path p) throws Exception {
        return HistoryReaders.read(p, HistoryFormat.AUTO).history();
    }

    @Test
    void competitionShowsWglsCounterexampleOnEveryEtcdLog() throws Exception {
        List<Path> logs;
        try (Stream<Path> s = Files.list(corpus().resolve("jepsen"))) {
            logs = s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        assertEquals(103, logs.size());
        List<String> differ = new ArrayList<>();
        int invalid = 0;
        for (Path log : logs) {
            History h = read(log);
            CheckOptions o = CheckOptions.defaults().withTimeLimit(LIMIT);
            Verdict wgl = Linearizability.check(h, Models.byName("cas-register-etcd"), o.withAlgorithm(Algorithm.WGL)).verdict();
            Verdict race = Linearizability.check(h, Models.byName("cas-register-etcd"), o).verdict();
            if (wgl instanceof Verdict.Invalid) {
                invalid++;
            }
            if (!wgl.equals(race)) {
                differ.add(log.getFileName() + ": WGL alone " + wgl + ", competition " + race);
            }
        }
        assertEquals(List.of(), differ);
        assertTrue(invalid > 50, "most of the etcd logs are not linearizable: " + invalid);
    }

    @Test
    void aKeyedCheckReportsTheSameOnOneThreadAndOnTwo() throws Exception {
        for (String name : List.of("c01-bad.txt", "c10-bad.txt", "c10-ok.txt")) {
            History h = read(corpus().resolve("kv").resolve(name));
            CheckOptions o = CheckOptions.defaults().withTimeLimit(LIMIT);
            CheckReport one = Linearizability.check(h, Models.byName("kv"), o.withThreads(1).withAlgorithm(Algorithm.WGL));
            for (int run = 0; run < 3; run++) {
                CheckReport two = Linearizability.check(h, Models.byName("kv"), o.withThreads(2));
                assertEquals(one.verdict(), two.verdict(), name);
                assertEquals(verdicts(one), verdicts(two), name + ": the keys and their verdicts");
            }
            if (name.contains("bad")) {
                assertInstanceOf(Verdict.Invalid.class, one.verdict(), name);
            }
        }
    }

    private static List<String> verdicts(CheckReport r) {
        return r.keys().stream().map(k -> k.key() + " " + k.verdict()).toList();
    }
}
