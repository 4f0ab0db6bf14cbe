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
import org.junit.jupiter.api.Test;

// TEMPORARY (issue 18): the per-key read-back against the checker as it was, on Porcupine's keyed logs.
class PerKeyReadBackEquivalenceTest {

    @Test
    void keyedChecksReportWhatTheyDidWithEveryKeyInMemory() throws Exception {
        String shared = System.getProperty("faultline.shared");
        assumeTrue(shared != null, "faultline.shared is not set");
        Path dir = Path.of(shared, "corpus", "porcupine", "test_data", "kv");
        List<Path> logs;
        try (Stream<Path> s = Files.list(dir)) {
            logs = s.sorted().toList();
        }
        assertEquals(6, logs.size());
        for (Path log : logs) {
            History h = HistoryReaders.read(log, HistoryFormat.AUTO).history();
            for (int threads : new int[] {1, 2}) {
                CheckOptions o = CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(60)).withThreads(threads)
                        .withAlgorithm(Algorithm.WGL);
                CheckReport before = OldLinearizability.check(h, Models.byName("kv"), o);
                CheckReport now = Linearizability.check(h, Models.byName("kv"), o);
                String what = log.getFileName() + " on " + threads + " thread(s)";
                assertEquals(before.verdict(), now.verdict(), what);
                assertEquals(before.operations(), now.operations(), what);
                assertEquals(keys(before), keys(now), what);
                System.out.println("[per-key-equivalence] " + what + ": " + now.verdict().getClass().getSimpleName()
                        + ", " + now.keys().size() + " keys, identical");
            }
        }
    }

    private static List<String> keys(CheckReport r) {
        List<String> out = new ArrayList<>();
        r.keys().forEach(k -> out.add(k.key() + " " + k.verdict() + " " + k.operations()));
        return out;
    }
}
