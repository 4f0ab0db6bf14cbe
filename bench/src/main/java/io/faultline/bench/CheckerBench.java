package io.faultline.bench;

import io.faultline.checker.Algorithm;
import io.faultline.checker.CheckOptions;
import io.faultline.checker.CheckReport;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The linearizability checker on Porcupine's public test data (read in place from
 * {@code -Dfaultline.shared}, default {@code ../shared}: {@code corpus/porcupine}) and on Jepsen-like
 * cas-register histories: all 102 etcd logs in one invocation, kv {@code c50-ok} and {@code c50-bad}
 * (split per key, 2 threads), and ten 500-op, 20-client histories with about 12 info ops each.
 * Porcupine's own figures for comparison (Go, its machine): etcd 0.6 s, c50-ok 0.29 s, c50-bad 0.09 s;
 * measured on this project's machine (bench/README.md): etcd 0.48 s for its test binary, c50-ok 149 ms
 * in process. {@code CLI_DEFAULTS} is what {@code faultline check} runs (competition, 10 s, two key
 * threads); {@code WGL} the same with WGL alone: the defaults must never be slower.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckerBench {

    @Param({"WGL", "CLI_DEFAULTS"})
    public String options;

    private CheckOptions check;
    private final List<History> etcd = new ArrayList<>();
    private History c50ok;
    private History c50bad;
    private final List<History> jepsen = new ArrayList<>();
    private final Model<?> etcdModel = Models.byName("cas-register-etcd");
    private final Model<?> kvModel = Models.byName("kv");
    private final Model<?> casModel = Models.byName("cas-register");

    @Setup
    public void load() throws Exception {
        // As CheckCommand builds them: the defaults with --time-limit's default of 10 s.
        CheckOptions cli = CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(10));
        check = options.equals("WGL") ? cli.withAlgorithm(Algorithm.WGL) : cli;
        Path data = Path.of(System.getProperty("faultline.shared", "../shared"), "corpus", "porcupine", "test_data");
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("Porcupine corpus not found at " + data.toAbsolutePath()
                    + "; pass -Dfaultline.shared=<folder holding corpus/porcupine>");
        }
        try (Stream<Path> logs = Files.list(data.resolve("jepsen"))) {
            for (Path p : logs.sorted().toList()) {
                History h = HistoryReaders.read(p, HistoryFormat.AUTO).history();
                if (h.size() > 0) {
                    etcd.add(h);
                }
            }
        }
        c50ok = HistoryReaders.read(data.resolve("kv/c50-ok.txt"), HistoryFormat.AUTO).history();
        c50bad = HistoryReaders.read(data.resolve("kv/c50-bad.txt"), HistoryFormat.AUTO).history();
        for (long seed = 1; seed <= 10; seed++) {
            jepsen.add(JepsenLikeHistories.casRegister(seed, 500, 20, 12));
        }
    }

    /** All 102 etcd logs, one after the other. */
    @Benchmark
    public int etcdCorpus() {
        int invalid = 0;
        for (History h : etcd) {
            if (Linearizability.check(h, etcdModel, check).outcome() == Outcome.INVALID) {
                invalid++;
            }
        }
        return invalid;
    }

    @Benchmark
    public CheckReport kvC50Ok() {
        return expect(Linearizability.check(c50ok, kvModel, check), Outcome.VALID);
    }

    @Benchmark
    public CheckReport kvC50Bad() {
        return expect(Linearizability.check(c50bad, kvModel, check), Outcome.INVALID);
    }

    /** Ten 500-op cas-register histories of 20 clients with about 12 info ops each. */
    @Benchmark
    public int jepsenCasRegister500() {
        int valid = 0;
        for (History h : jepsen) {
            if (Linearizability.check(h, casModel, check).outcome() == Outcome.VALID) {
                valid++;
            }
        }
        return valid;
    }

    private static CheckReport expect(CheckReport r, Outcome o) {
        if (r.outcome() != o) {
            throw new IllegalStateException("expected " + o + ", got " + r.verdict());
        }
        return r;
    }
}
