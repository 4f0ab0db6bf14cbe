package io.faultline.models.s3.cold;

import io.faultline.sim.BadInputException;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Series;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code s3/lifecycle-to-glacier}: objects move STANDARD, then STANDARD_IA after 30 days, then
 * GLACIER after 90 (FIDELITY A9), each at the UTC midnight after the day count (A9.4); a GET after
 * the move fails with 403 InvalidObjectState until a restore completes (A10.2); the report carries
 * GB per class per day and the year's bill (A8 billing, example prices). Runs on the cold-path
 * stand-in service ({@link ColdStoreService}), not on the S3 model (see the package doc).
 *
 * <pre>{@code
 * ./faultline run s3/lifecycle-to-glacier --duration 400d price-glacier=0.004
 * }</pre>
 */
public final class LifecycleToGlacierScenario {
    static final Setting<Integer> OBJECTS = Setting.ofInt("objects", 20, 1, 10_000, "objects PUT on day 0");
    static final Setting<Integer> SIZE_MB = Setting.ofInt("object-mb", 100, 1, 5_000_000, "size of each object in MiB");
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

    private static final Scenario BASE = Scenario.of("s3/lifecycle-to-glacier",
            "lifecycle moves objects to STANDARD_IA after 30 days and GLACIER after 90; GETs then need a restore;"
                    + " a year's storage bill",
            List.of(OBJECTS, SIZE_MB, IA_DAYS, GLACIER_DAYS, RESTORE_DAY, RESTORE_DAYS, TIER, LAG, PRICE_STANDARD,
                    PRICE_IA, PRICE_GLACIER),
            365 * Simulation.DAYS, LifecycleToGlacierScenario::run);

    /**
     * The scenario as the catalog lists it. Its user-facing spec also checks the lifecycle rule the
     * settings make, so that a rule S3 would refuse is reported as bad input before the run.
     */
    public static final Scenario SCENARIO = new Scenario() {
        @Override
        public String name() {
            return BASE.name();
        }

        @Override
        public String description() {
            return BASE.description();
        }

        @Override
        public List<Setting<?>> settings() {
            return BASE.settings();
        }

        @Override
        public long defaultDurationNanos() {
            return BASE.defaultDurationNanos();
        }

        @Override
        public RunResult run(RunSpec spec) {
            return BASE.run(spec);
        }

        @Override
        public RunSpec spec(long seed, List<String> overrides, java.util.Optional<String> duration) {
            RunSpec spec = BASE.spec(seed, overrides, duration);
            rule(spec.settings());
            return spec;
        }

        @Override
        public String toString() {
            return BASE.name();
        }
    };

    private LifecycleToGlacierScenario() {
    }

    private static Setting<Double> price(String key, StorageClass c) {
        return Setting.ofDouble(key, PriceTable.EXAMPLE_US_EAST_1.storagePerGbMonth().get(c), 0, 10,
                "USD per GB-month for " + c + " (default: example us-east-1 list price, from memory)");
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
        Simulation sim = new Simulation(spec.seed());
        sim.network().defaultLink(LinkSpec.of(Latency.logNormal(20 * Simulation.MILLIS, 0.4)));
        Recorder recorder = new Recorder(sim);
        ColdStoreService svc = new ColdStoreService(new LifecycleEvaluator(List.of(rule), false,
                LifecycleEvaluator.SizeFloor.ALL_STORAGE_CLASSES_128K), new CostAccount(prices), s.get(LAG));
        Host service = sim.addHost("s3", self -> svc);
        Host client = sim.addHost("client", self -> new LifecycleClient(recorder, service.id(), s.get(OBJECTS),
                (long) s.get(SIZE_MB) << 20, s.get(RESTORE_DAY), s.get(RESTORE_DAYS), s.get(TIER)));
        spec.faults().ifPresent(sim::install);
        RunStatus status = sim.run(spec.durationNanos());
        LifecycleClient c = client.process(LifecycleClient.class).orElseThrow();
        svc.cost().closeAt(sim.now());
        RunResult.Builder b = RunResult.builder(SCENARIO.name(), spec, sim).status(status)
                .history("s3-cold", recorder.history());
        for (Series series : svc.gbSeries()) {
            b.series(series);
        }
        b.table(new Table(String.format(Locale.ROOT, "Storage bill over %d days: %.2f USD (%s)",
                sim.now() / Simulation.DAYS, svc.cost().totalUsd(), prices.source()), CostAccount.columns(),
                svc.cost().rows()));
        List<List<String>> moves = new ArrayList<>();
        for (ColdStoreService.Applied a : svc.applied()) {
            if (a.key().equals(LifecycleClient.PROBE)) {
                moves.add(List.of(a.key(), a.action().toString(), at(a.createdNanos()), at(a.action().dueNanos()),
                        at(a.appliedNanos())));
            }
        }
        b.table(new Table("Lifecycle actions on the probe object", List.of("key", "action", "created", "due", "applied"),
                moves));
        b.check(transitionsAtMidnight(svc, s));
        b.check(getNeedsRestore(c, spec.durationNanos(), s.get(RESTORE_DAY)));
        return b.build();
    }

    /** Every transition fell due at the UTC midnight after its day count (A9.4) and was applied then (+ lag). */
    static CheckResult transitionsAtMidnight(ColdStoreService svc, Settings s) {
        String name = "transitions at the next UTC midnight after their days";
        int n = 0;
        for (ColdStoreService.Applied a : svc.applied()) {
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
        List<LifecycleClient.Observation> seen = c.seen();
        List<LifecycleClient.Observation> gets = seen.stream().filter(o -> o.what().startsWith("get")).toList();
        if (gets.isEmpty()) {
            return duration < restoreDay * Simulation.DAYS
                    ? CheckResult.valid(name, "not exercised: the run ends before restore-day " + restoreDay)
                    : CheckResult.unknown(name, "no GET observed");
        }
        LifecycleClient.Observation first = gets.get(0);
        LifecycleClient.Observation last = gets.get(gets.size() - 1);
        boolean middleRefused = gets.subList(1, gets.size() - 1).stream().allMatch(o -> o.status() == 403);
        if (first.status() == 403 && last.status() == 200 && middleRefused) {
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
