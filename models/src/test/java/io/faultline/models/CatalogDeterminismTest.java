package io.faultline.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Same seed, same trace: every scenario of every catalog (found with ServiceLoader, so new models
 * are covered without touching this test) runs twice per seed and must give the same trace hash,
 * event count and histories; different seeds must differ; and a second JVM must agree.
 */
class CatalogDeterminismTest {
    private static final long[] SEEDS = {1, 2};
    private static final long OTHER_JVM_SEED = 3;

    @Test
    void theCatalogIsNotEmpty() {
        assertFalse(Scenarios.all().isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> sameSeedSameTraceDifferentSeedDifferentTrace() {
        return Scenarios.all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            List<String> hashes = new ArrayList<>();
            for (long seed : SEEDS) {
                RunResult first = s.run(s.spec(seed));
                RunResult second = s.run(s.spec(seed));
                String where = s.name() + " seed " + seed;
                assertEquals(first.traceHash(), second.traceHash(), where);
                assertEquals(first.eventCount(), second.eventCount(), where);
                assertEquals(first.histories(), second.histories(), where);
                assertEquals(first.outcome(), second.outcome(), where);
                hashes.add(first.traceHash());
            }
            assertNotEquals(hashes.get(0), hashes.get(1), s.name() + ": seeds 1 and 2 gave the same trace");
        }));
    }

    @Test
    void aSecondJvmProducesTheSameHashes() throws IOException, InterruptedException {
        List<String> expected = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            expected.add(s.name() + " " + OTHER_JVM_SEED + " " + s.run(s.spec(OTHER_JVM_SEED)).traceHash());
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ScenarioHashes.class.getName(), Long.toString(OTHER_JVM_SEED))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("second JVM did not finish");
        }
        assertEquals(0, p.exitValue(), out);
        assertEquals(expected, out.lines().filter(l -> !l.startsWith("SLF4J")).toList());
    }
}
