package io.faultline.models.s3.scenario;

import io.faultline.models.s3.config.ClusterShape;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.models.s3.cold.LifecycleAction;
import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.cold.LifecycleValidation;
import io.faultline.models.s3.cold.PriceTable;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.cold.UtcTime;
import io.faultline.models.s3.cold.Validation;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.server.ColdPath;
import io.faultline.models.s3.workload.LifecycleClient;
import io.faultline.sim.BadInputException;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code s3/lifecycle-to-glacier}: on the S3 model (three index replicas, strong consistency), a
 * bucket's lifecycle rule moves objects STANDARD, then STANDARD_IA after 30 days, then GLACIER after
 * 90 (FIDELITY A9), each at the UTC midnight after the day count (A9.4), by the model's daily
 * lifecycle run; a GET after the move fails with 403 InvalidObjectState until a RestoreObject
 * completes (A10.2); the report carries GB per class per day, the transitions, and the bill (A8
 * billing, example prices) with its yearly rate.
 *
 * <pre>{@code
 * ./faultline run s3/lifecycle-to-glacier --duration 400d price-glacier=0.004
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LifecycleToGlacierScenario {
    static final String BUCKET = "archive";
    static final Setting<Integer> OBJECTS = Setting.ofInt("objects", 20, 1, 10_000, "objects PUT on day 0");
    static final Setting<Integer> SIZE_MB = Setting.ofInt("object-mb", 100, 1, 5 * 1024,
            "size of each object in MiB (a single PUT is at most 5 GiB, A2)");
    static final Setting<Integer> IA_DAYS = Setting.ofInt("ia-days", 30, 0, 3650, "days before STANDARD_IA");
    static final Setting<Integer> GLACIER_DAYS = Setting.ofInt("glacier-days", 90, 0, 3650, "days before GLACIER");
    static final Setting<Integer> RESTORE_DAY = Setting.ofInt("restore-day", 120, 1, 3650,
            "virtual day on which the probe object is GET and restored");
    static final Setting<Integer> RESTORE_DAYS = Setting.ofInt("restore-days", 7, 1, 3650, "Days of the restore");
    static final Setting<RestoreTier> TIER = Setting.ofEnum("restore-tier", RestoreTier.class, RestoreTier.STANDARD,
            "restore tier");
    static final Setting<Long> LAG = Setting.ofDuration("lifecycle-lag", 0, 0, Simulation.DAYS,
            "largest delay of the daily lifecycle run after 00:00 UTC (A9.4)");
    static final Setting<Double> PRICE_STANDARD = price("price-standard", StorageClass.STANDARD);
    static final Setting<Double> PRICE_IA = price("price-standard-ia", StorageClass.STANDARD_IA);
    static final Setting<Double> PRICE_GLACIER = price("price-glacier", StorageClass.GLACIER);

    /**
     * The scenario as the catalog lists it. Its user-facing spec also checks the lifecycle rule the
     * settings make, so that a rule S3 would refuse is reported as bad input before the run.
     */
    static final String NAME = "s3/lifecycle-to-glacier";
    static final String DESCRIPTION =
            "lifecycle moves objects to STANDARD_IA after 30 days and GLACIER after 90; GETs then need a restore;"
                    + " a year's storage bill";
    public static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(OBJECTS, SIZE_MB, IA_DAYS, GLACIER_DAYS, RESTORE_DAY, RESTORE_DAYS, TIER, LAG, PRICE_STANDARD,
                    PRICE_IA, PRICE_GLACIER),
            365 * Simulation.DAYS, LifecycleToGlacierScenario::run,
            LifecycleToGlacierScenario::rule);

    private LifecycleToGlacierScenario() {
    }

    private static Setting<Double> price(String key, StorageClass c) {
        return Setting.ofDouble(key, PriceTable.EXAMPLE_US_EAST_1.storagePerGbMonth().get(c), 0, 10,
                "USD per GB-month for " + c + " (default: the example us-east-1 price, see PriceTable)");
    }

    /** The rule the settings make; bad input if S3 would refuse it (A9.2). */
    static LifecycleRule rule(Settings s) {
        LifecycleRule rule = LifecycleRule.forPrefix("to-glacier", "")
                .transition(s.get(IA_DAYS), StorageClass.STANDARD_IA)
                .transition(s.get(GLACIER_DAYS), StorageClass.GLACIER);
        if (LifecycleValidation.validate(List.of(rule)) instanceof Validation.Invalid bad) {
            throw new BadInputException("ia-days=" + s.get(IA_DAYS) + ", glacier-days=" + s.get(GLACIER_DAYS)
                    + ": S3 would refuse this lifecycle rule (" + bad.code() + "): " + bad.message());
        }
        return rule;
    }

    static RunResult run(RunSpec spec) {
        Settings s = spec.settings();
        LifecycleRule rule = rule(s);
        PriceTable prices = PriceTable.EXAMPLE_US_EAST_1.withStorage(StorageClass.STANDARD, s.get(PRICE_STANDARD))
                .withStorage(StorageClass.STANDARD_IA, s.get(PRICE_IA)).withStorage(StorageClass.GLACIER, s.get(PRICE_GLACIER));
        ColdPath cold = new ColdPath(ColdPath.Settings.defaults().withPrices(prices).withLifecycleLag(s.get(LAG)));
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "s3-cold");
        S3Cluster c = S3Cluster.build(run, S3Config.defaults(), cold, new ClusterShape(3, 1, List.of(BUCKET)));
        Host client = c.addClient("client", 0, frontEnd -> new LifecycleClient(c.recorder(), frontEnd, BUCKET, rule,
                s.get(OBJECTS), (long) s.get(SIZE_MB) << 20, s.get(RESTORE_DAY), s.get(RESTORE_DAYS), s.get(TIER)));
        Simulation sim = c.sim();
        run.installFaults();
        run.runForDuration();
        LifecycleClient lc = client.process(LifecycleClient.class).orElseThrow();
        RunResult.Builder b = run.result();
        for (Series series : cold.gbSeries()) {
            b.series(series);
        }
        Table bill = cold.bill(sim.now());
        b.table(bill);
        b.table(cold.yearly(sim.now()));
        b.table(transitions(cold));
        List<List<String>> moves = new ArrayList<>();
        for (ColdPath.Applied a : cold.applied()) {
            if (a.key().equals(LifecycleClient.PROBE)) {
                moves.add(List.of(a.key(), a.action().describe(), at(a.createdNanos()), at(a.action().dueNanos()),
                        at(a.appliedNanos())));
            }
        }
        b.table(new Table("Lifecycle actions on the probe object", List.of("key", "action", "created", "due", "applied"),
                moves));
        b.check(transitionsAtMidnight(cold, s));
        b.check(getNeedsRestore(lc, spec.durationNanos(), s.get(RESTORE_DAY)));
        return b.build();
    }

    /** Lifecycle transitions applied, per target class: how many, the first and last due midnights. */
    static Table transitions(ColdPath cold) {
        Map<StorageClass, List<ColdPath.Applied>> by = new EnumMap<>(StorageClass.class);
        for (ColdPath.Applied a : cold.applied()) {
            if (a.action() instanceof LifecycleAction.Transition t) {
                by.computeIfAbsent(t.target(), k -> new ArrayList<>()).add(a);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<StorageClass, List<ColdPath.Applied>> e : by.entrySet()) {
            List<ColdPath.Applied> l = e.getValue();
            rows.add(List.of(e.getKey().name(), Integer.toString(l.size()), at(l.get(0).action().dueNanos()),
                    at(l.get(l.size() - 1).action().dueNanos())));
        }
        return new Table("Lifecycle transitions", List.of("to", "objects", "first due", "last due"), rows);
    }

    /** Every transition fell due at the UTC midnight after its day count (A9.4) and was applied then (+ lag). */
    static CheckResult transitionsAtMidnight(ColdPath cold, Settings s) {
        String name = "transitions at the next UTC midnight after their days";
        int n = 0;
        for (ColdPath.Applied a : cold.applied()) {
            if (a.action() instanceof LifecycleAction.Transition t) {
                int days = t.target() == StorageClass.STANDARD_IA ? s.get(IA_DAYS) : s.get(GLACIER_DAYS);
                long due = UtcTime.dueAfterDays(a.createdNanos(), days);
                if (t.dueNanos() != due || a.appliedNanos() < due || a.appliedNanos() > due + s.get(LAG)) {
                    return CheckResult.invalid(name, a + " expected due " + at(due));
                }
                n++;
            }
        }
        return CheckResult.valid(name, n + " transitions, each due at 00:00 UTC after its day count");
    }

    static CheckResult getNeedsRestore(LifecycleClient c, long duration, int restoreDay) {
        String name = "GET of an archived object fails until its restore completes";
        List<LifecycleClient.Observation> gets = c.seen().stream().filter(o -> o.what().startsWith("get")).toList();
        if (gets.isEmpty()) {
            return duration < restoreDay * Simulation.DAYS
                    ? CheckResult.valid(name, "not exercised: the run ends before restore-day " + restoreDay)
                    : CheckResult.unknown(name, "no GET observed");
        }
        LifecycleClient.Observation first = gets.get(0);
        LifecycleClient.Observation last = gets.get(gets.size() - 1);
        boolean middleRefused = gets.subList(1, gets.size() - 1).stream().allMatch(o -> o.status() == 403);
        if (first.status() == 403 && last.status() == 200 && middleRefused && gets.size() > 1) {
            return CheckResult.valid(name, "403 InvalidObjectState before the restore and for " + (gets.size() - 2)
                    + " hourly GETs while it ran; 200 at " + at(last.nanos()));
        }
        if (first.status() == 200) {
            return CheckResult.valid(name, "not exercised: the probe was not archived on the restore day (GET 200)");
        }
        return last.status() == 403 && middleRefused
                ? CheckResult.unknown(name, "the restore had not completed when the run ended")
                : CheckResult.invalid(name, "GET answers " + gets);
    }

    static String at(long nanos) {
        long minutes = nanos / Simulation.MINUTES;
        return String.format(Locale.ROOT, "day %d %02d:%02d", minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    }
}
