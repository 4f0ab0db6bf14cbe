package io.faultline.models.s3.scenario;

import io.faultline.models.s3.config.ClusterShape;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.server.FrontEnd;
import io.faultline.models.s3.workload.LoadGenerator;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Series;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code s3/hot-prefix}: the same PUT load on two buckets, one writing sequential keys under one
 * prefix, one writing behind hashed prefixes (FIDELITY A15: 3,500 writes per second per
 * partitioned prefix, 503 SlowDown beyond, partitions that split under sustained load). The
 * hashed bucket's partitions split and its throughput grows; the hot prefix's new keys always
 * land in its last partition, so it stays at one partition's rate. Series: ok and SlowDown per
 * second for each; table: totals, partitions and splits.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HotPrefixScenario {
    static final Setting<Double> RATE = Setting.ofDouble("rate", 4500, 1, 100_000,
            "PUTs per second offered to each bucket");
    static final Setting<Integer> WRITE_RATE = Setting.ofInt("s3.write-rate", 3500, 1, 1_000_000,
            "writes per second per partitioned prefix (FIDELITY A15)");
    static final Setting<Long> SPLIT_AFTER = Setting.ofDuration("s3.split-after", 400 * Simulation.MILLIS,
            Simulation.MILLIS, Simulation.HOURS,
            "sustained overload before a partition splits (FIDELITY A15 [M4]: 30 min by default; short here)");

    static final String NAME = "s3/hot-prefix";
    static final String DESCRIPTION =
            "one hot prefix vs hashed prefixes under the same PUT load: 503 SlowDown and throughput side by side";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(RATE, WRITE_RATE, SPLIT_AFTER), 1500 * Simulation.MILLIS, HotPrefixScenario::run);

    private HotPrefixScenario() {
    }

    static RunResult run(RunSpec spec) {
        Settings s = spec.settings();
        S3Config cfg = S3Config.defaults().withSplitAfter(s.get(SPLIT_AFTER))
                .withRates(s.get(WRITE_RATE), S3Config.defaults().readRate());
        ScenarioRun run = ScenarioRun.withoutHistory(SCENARIO, spec);
        S3Cluster c = S3Cluster.build(run, cfg, new ClusterShape(3, 1, List.of("hot", "hashed")));
        var frontEnd = c.frontEnds().get(0).id();
        long stop = spec.durationNanos();
        Host hot = c.sim().addHost("load-hot", self -> new LoadGenerator(frontEnd, "hot", LoadGenerator.KeyStyle.SEQUENTIAL,
                s.get(RATE), stop));
        Host hashed = c.sim().addHost("load-hashed", self -> new LoadGenerator(frontEnd, "hashed", LoadGenerator.KeyStyle.HASHED,
                s.get(RATE), stop));
        run.runUntil(spec.durationNanos() + 200 * Simulation.MILLIS);
        Map<Long, long[]> hotStats = hot.process(LoadGenerator.class).orElseThrow().perWindow();
        Map<Long, long[]> hashedStats = hashed.process(LoadGenerator.class).orElseThrow().perWindow();
        FrontEnd f = c.frontEnds().get(0).process(FrontEnd.class).orElseThrow();
        long hotOk = total(hotStats, 0);
        long hashedOk = total(hashedStats, 0);
        CheckResult spread = hashedOk > hotOk
                ? CheckResult.valid("hashed prefixes outperform one hot prefix (A15)",
                        hashedOk + " ok PUTs hashed vs " + hotOk + " hot")
                : CheckResult.invalid("hashed prefixes outperform one hot prefix (A15)",
                        hashedOk + " ok PUTs hashed vs " + hotOk + " hot");
        return run.result()
                .check(spread)
                .series(series("hot prefix: ok PUTs/s", hotStats, 0))
                .series(series("hot prefix: 503 SlowDown/s", hotStats, 1))
                .series(series("hashed prefixes: ok PUTs/s", hashedStats, 0))
                .series(series("hashed prefixes: 503 SlowDown/s", hashedStats, 1))
                .table(new Table("hot prefix vs hashed prefixes",
                        List.of("bucket", "ok PUTs", "503 SlowDown", "other errors", "partitions at the end", "splits at"),
                        List.of(row("hot", hotStats, f), row("hashed", hashedStats, f))))
                .build();
    }

    private static long total(Map<Long, long[]> stats, int i) {
        long t = 0;
        for (long[] v : stats.values()) {
            t += v[i];
        }
        return t;
    }

    private static Series series(String name, Map<Long, long[]> stats, int i) {
        List<Series.Point> pts = new ArrayList<>();
        double perSecond = (double) Simulation.SECONDS / LoadGenerator.WINDOW;
        stats.forEach((w, v) -> pts.add(new Series.Point(w / perSecond, v[i] * perSecond)));
        return new Series(name, "virtual time (s)", "requests per second", pts);
    }

    private static List<String> row(String bucket, Map<Long, long[]> stats, FrontEnd f) {
        List<String> splits = new ArrayList<>();
        f.splits().getOrDefault(bucket, List.of()).forEach(sp -> splits.add(sp.time() / Simulation.MILLIS + "ms:" + sp.at()));
        return List.of(bucket, String.valueOf(total(stats, 0)), String.valueOf(total(stats, 1)),
                String.valueOf(total(stats, 2)), String.valueOf(f.partitionCounts().getOrDefault(bucket, 1)),
                String.join(" ", splits));
    }
}
