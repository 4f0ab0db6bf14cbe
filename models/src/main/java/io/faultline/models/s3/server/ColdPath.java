package io.faultline.models.s3.server;

import io.faultline.models.s3.cold.CostAccount;
import io.faultline.models.s3.cold.LifecycleAction;
import io.faultline.models.s3.cold.LifecycleEvaluator;
import io.faultline.models.s3.cold.PriceTable;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.Series;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * S3's cold path as the model's front-ends see it (FIDELITY A8 to A10): its settings, and the
 * account-level records that outlive any one process: the storage bill ({@link CostAccount}, fed
 * when writes, deletions, transitions and restores are acknowledged: storage, write and transition
 * requests, restores and the restored copies), the lifecycle actions the
 * daily run applied, and the bytes per storage class at each daily run. One instance is shared by
 * the front-ends of an {@code S3Cluster}, like the clients' recorder: billing is the account's, not
 * a process's, so a crash does not erase it.
 *
 * <pre>{@code
 * ColdPath cold = new ColdPath(ColdPath.Settings.defaults().withPrices(PriceTable.EXAMPLE_US_EAST_1));
 * S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), cold, 3, 1, List.of("logs"));
 * ...
 * cold.bill(c.sim().now());   // the storage bill as a report table
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ColdPath {
    /**
     * @param lifecycleLagNanos largest delay of the daily lifecycle run after 00:00 UTC (A9.4 [M8]; 0 by default)
     * @param sizeFloor         {@code TransitionDefaultMinimumObjectSize} (A9.2; the 128 KB floor by default)
     * @param expeditedPer5Min  Expedited restores one front-end accepts per rolling 5 minutes before
     *                          answering 503 GlacierExpeditedRetrievalNotAvailable (A10.2 [M10])
     * @param prices            the prices the bill applies
     */
    public record Settings(long lifecycleLagNanos, LifecycleEvaluator.SizeFloor sizeFloor, int expeditedPer5Min,
                           PriceTable prices) {
        public static Settings defaults() {
            return new Settings(0, LifecycleEvaluator.SizeFloor.ALL_STORAGE_CLASSES_128K, 20,
                    PriceTable.EXAMPLE_US_EAST_1);
        }

        public Settings withLifecycleLag(long nanos) {
            return new Settings(nanos, sizeFloor, expeditedPer5Min, prices);
        }

        public Settings withPrices(PriceTable p) {
            return new Settings(lifecycleLagNanos, sizeFloor, expeditedPer5Min, p);
        }

        public Settings withExpeditedPer5Min(int n) {
            return new Settings(lifecycleLagNanos, sizeFloor, n, prices);
        }
    }

    /** A lifecycle action as the daily run applied it: to which version, when it was due, when done. */
    public record Applied(String bucket, String key, String versionId, long createdNanos, LifecycleAction action,
                          long appliedNanos) {
    }

    private static final double GB = 1L << 30;
    private static final long YEAR = 365 * Simulation.DAYS;

    private final Settings settings;
    private final CostAccount cost;
    private final List<Applied> applied = new ArrayList<>();
    private final EnumMap<StorageClass, List<Series.Point>> gbByClass = new EnumMap<>(StorageClass.class);
    /** When each simulated year was closed (the first daily run at or after day 365, 730, ...) and the bill then. */
    private final List<Long> yearEnds = new ArrayList<>();
    private final List<Double> totalsAtYearEnds = new ArrayList<>();

    public ColdPath(Settings settings) {
        this.settings = settings;
        this.cost = new CostAccount(settings.prices());
    }

    public static ColdPath defaults() {
        return new ColdPath(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    public CostAccount cost() {
        return cost;
    }

    /** Lifecycle actions applied so far, in the order they were acknowledged. */
    public List<Applied> applied() {
        return List.copyOf(applied);
    }

    void recordApplied(Applied a) {
        applied.add(a);
    }

    private static String billKey(String bucket, String key, String versionId) {
        return bucket + "/" + key + "?versionId=" + versionId;
    }

    /** A version was written (an overwrite of the same version ID ends the old one's stay, A8). */
    void stored(String bucket, String key, String versionId, StorageClass c, long size, long now) {
        cost.enter(billKey(bucket, key, versionId), c, size, now);
    }

    /** A version was removed for good (or replaced by a delete marker) at {@code now}. */
    void removed(String bucket, String key, String versionId, long now) {
        cost.leave(billKey(bucket, key, versionId), now);
    }

    /** A version moved to {@code to}; billing changes when it became eligible (A9.4), {@code dueNanos}. */
    void transitioned(String bucket, String key, String versionId, StorageClass to, long dueNanos) {
        cost.transition(billKey(bucket, key, versionId), to, dueNanos);
    }

    void restored(StorageClass c, RestoreTier t, long size) {
        cost.restore(c, t, size);
    }

    /** An acknowledged PUT, COPY or CompleteMultipartUpload wrote an object in {@code c} (a billed request). */
    void wrote(StorageClass c) {
        cost.write(c);
    }

    /**
     * A version's restored temporary copy exists from {@code from} until {@code until}, billed at
     * STANDARD's rate (A10.2: the copy is stored besides the archived object).
     */
    void restoredCopy(String bucket, String key, String versionId, long size, long from, long until) {
        cost.restoredCopy(billKey(bucket, key, versionId), size, from, until);
    }

    /** Bytes per class at one daily run (for the GB-per-class chart); closes a simulated year when one ended. */
    void sample(long now, Map<StorageClass, Long> bytes) {
        if (now >= (yearEnds.size() + 1) * YEAR) {
            cost.closeAt(now);
            yearEnds.add(now);
            totalsAtYearEnds.add(cost.totalUsd());
        }
        for (StorageClass c : StorageClass.values()) {
            gbByClass.computeIfAbsent(c, k -> new ArrayList<>()).add(new Series.Point(
                    (double) now / Simulation.DAYS, bytes.getOrDefault(c, 0L) / GB));
        }
    }

    /** GB per class at each daily run, for the classes that held data at some point. */
    public List<Series> gbSeries() {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<StorageClass, List<Series.Point>> e : gbByClass.entrySet()) {
            if (e.getValue().stream().anyMatch(p -> p.y() > 0)) {
                out.add(new Series("GB in " + e.getKey(), "virtual day", "GB", e.getValue()));
            }
        }
        return out;
    }

    /**
     * The bill per simulated year up to {@code now}: one row per 365 days (closed at the daily run
     * that ended it), then the part-year since, if any.
     */
    public Table yearly(long now) {
        cost.closeAt(now);
        List<List<String>> rows = new ArrayList<>();
        long from = 0;
        double before = 0;
        for (int i = 0; i < yearEnds.size(); i++) {
            rows.add(yearRow("year " + (i + 1), from, yearEnds.get(i), totalsAtYearEnds.get(i) - before));
            from = yearEnds.get(i);
            before = totalsAtYearEnds.get(i);
        }
        if (now > from) {
            rows.add(yearRow(yearEnds.isEmpty() ? "year 1 (so far)" : "year " + (yearEnds.size() + 1) + " (so far)",
                    from, now, cost.totalUsd() - before));
        }
        return new Table("Yearly cost", List.of("year", "virtual days", "cost (USD)"), rows);
    }

    private static List<String> yearRow(String name, long from, long to, double usd) {
        return List.of(name, String.format(Locale.ROOT, "%.1f to %.1f", (double) from / Simulation.DAYS,
                (double) to / Simulation.DAYS), String.format(Locale.ROOT, "%.4f", usd));
    }

    /** The bill up to {@code now} as a report table (the stays still open are billed up to {@code now}). */
    public Table bill(long now) {
        cost.closeAt(now);
        return new Table(String.format(Locale.ROOT, "Storage bill over %d days: %.2f USD (%s)", now / Simulation.DAYS,
                cost.totalUsd(), settings.prices().source()), CostAccount.columns(), cost.rows());
    }
}
