package io.faultline.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faultline.checker.history.History;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.checker.model.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every history of Porcupine's public test data (read in place from the shared corpus, never
 * copied) gets the verdict Porcupine's own tests expect ({@code VERDICTS.tsv}), with WGL and in
 * competition, and for the etcd logs also with Knossos' cas-register flavour (the corpus README says
 * dropping failed cas gives the same verdicts there).
 */
class PorcupineCorpusVerdictsTest {

    private record Expected(Path file, String model, Outcome outcome) {
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusHistoryGetsItsExpectedVerdict() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Expected e : expected()) {
            String primary = e.model().equals("kv") ? "kv" : "cas-register-etcd";
            List<String> models = e.model().equals("kv") ? List.of("kv") : List.of("cas-register-etcd", "cas-register");
            for (String model : models) {
                // The linear search alone is too slow on a few etcd logs (many info ops): it runs
                // here only in competition, and against WGL on small histories in the oracle test.
                List<Algorithm> algorithms = model.equals(primary)
                        ? List.of(Algorithm.WGL, Algorithm.COMPETITION) : List.of(Algorithm.WGL);
                for (Algorithm a : algorithms) {
                    tests.add(DynamicTest.dynamicTest(e.file().getFileName() + " " + model + " " + a, () -> {
                        History h = HistoryReaders.read(e.file(), HistoryFormat.AUTO).history();
                        CheckReport r = Linearizability.check(h, Models.byName(model),
                                CheckOptions.defaults().withAlgorithm(a).withTimeLimit(Duration.ofSeconds(30)));
                        assertEquals(e.outcome(), r.outcome(), () -> e.file() + " with " + model + " " + a + ": " + r.verdict());
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static List<Expected> expected() throws Exception {
        String shared = System.getProperty("faultline.shared");
        assumeTrue(shared != null, "system property faultline.shared is not set (surefire sets it to "
                + "<repo>/../shared); skipping the Porcupine corpus verdicts");
        Path dir = Path.of(shared, "corpus", "porcupine");
        assumeTrue(Files.isRegularFile(dir.resolve("VERDICTS.tsv")), "no Porcupine corpus at " + dir
                + "; skipping the corpus verdicts");
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("VERDICTS.tsv"))) {
            String[] f = line.split("\t");
            if (f[0].equals("path") || f[2].equals("unknown")) {
                continue;   // header; etcd_095 is empty and has no verdict
            }
            out.add(new Expected(dir.resolve(f[0]), f[1], f[2].equals("linearizable") ? Outcome.VALID : Outcome.INVALID));
        }
        assertEquals(108, out.size(), "VERDICTS.tsv should list 102 etcd logs and 6 kv files");
        return out;
    }
}
