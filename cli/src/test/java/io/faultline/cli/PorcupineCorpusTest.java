package io.faultline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The corpus through the command: Porcupine's etcd logs and small kv histories, checked by
 * {@code faultline check} in one process as a user would (format detection, several files, JSON
 * Lines, the exit code over all files), against the verdicts Porcupine's own tests expect
 * ({@code corpus/porcupine/VERDICTS.tsv}). The algorithms' verdicts on the whole corpus, c50 stress
 * files included, are checker's {@code PorcupineCorpusVerdictsTest}. The corpus is read in place
 * from {@code -Dfaultline.shared}, never copied into the repository.
 */
class PorcupineCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: the verdicts must not depend on how loaded the build machine is. */
    private static final String LIMIT = "120s";

    private static Path corpus() {
        String shared = System.getProperty("faultline.shared");
        assumeTrue(shared != null, "system property faultline.shared is not set (surefire sets it to"
                + " <repo>/../shared); skipping the Porcupine corpus test");
        Path dir = Path.of(shared, "corpus", "porcupine");
        assumeTrue(Files.isRegularFile(dir.resolve("VERDICTS.tsv")),
                "Porcupine corpus not found at " + dir + "; skipping the corpus test");
        return dir;
    }

    /** path (relative to the corpus) to "linearizable", "not" or "unknown" (no verdict). */
    private static Map<String, String> expected(Path corpus) throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("VERDICTS.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length == 3 && !cols[0].equals("path")) {
                verdicts.put(cols[0], cols[2]);
            }
        }
        return verdicts;
    }

    private static String verdictFor(String expected) {
        // etcd_095.log is empty: no verdict in the table, and an empty file is no history at all.
        return expected.equals("linearizable") ? "VALID" : expected.equals("not") ? "INVALID" : "BAD_INPUT";
    }

    private static void checkAll(Path corpus, String model, List<String> paths, Map<String, String> verdicts) {
        List<String> args = new ArrayList<>(List.of("check", "--model", model, "--json", "--time-limit", LIMIT));
        paths.forEach(p -> args.add(corpus.resolve(p).toString()));
        CheckRun r = CheckRun.of(args.toArray(String[]::new));
        String[] lines = r.out().strip().split("\n");
        assertEquals(paths.size(), lines.length, r.toString());
        List<String> wrong = new ArrayList<>();
        boolean anyInvalid = false;
        boolean anyBad = false;
        for (int i = 0; i < paths.size(); i++) {
            JsonNode j;
            try {
                j = JSON.readTree(lines[i]);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + lines[i], e);
            }
            assertEquals(corpus.resolve(paths.get(i)).toString(), j.get("file").asText());
            String want = verdictFor(verdicts.get(paths.get(i)));
            String got = j.get("verdict").asText();
            anyInvalid |= got.equals("INVALID");
            anyBad |= got.equals("BAD_INPUT");
            if (!want.equals(got)) {
                wrong.add(paths.get(i) + ": expected " + want + ", got " + got
                        + (j.has("reason") ? " (" + j.get("reason").asText() + ")" : ""));
            }
        }
        assertEquals(List.of(), wrong, "histories with the wrong verdict");
        assertEquals(anyBad ? 2 : anyInvalid ? 1 : 0, r.exit(), r.err());
    }

    @Test
    void everyEtcdHistoryGetsPorcupinesVerdict() throws IOException {
        Path corpus = corpus();
        Map<String, String> verdicts = expected(corpus);
        List<String> etcd = verdicts.keySet().stream().filter(p -> p.startsWith("test_data/jepsen/")).toList();
        assertEquals(103, etcd.size(), "etcd histories listed in VERDICTS.tsv");
        checkAll(corpus, "cas-register-etcd", etcd, verdicts);
    }

    @Test
    void smallAndMediumKvHistoriesGetPorcupinesVerdict() throws IOException {
        Path corpus = corpus();
        Map<String, String> verdicts = expected(corpus);
        List<String> kv = verdicts.keySet().stream()
                .filter(p -> p.startsWith("test_data/kv/c01") || p.startsWith("test_data/kv/c10")).toList();
        assertEquals(4, kv.size());
        checkAll(corpus, "kv", kv, verdicts);
    }
}
