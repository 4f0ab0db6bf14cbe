package io.faultline.models.s3.cold;

import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A storage bill accumulated over virtual time (FIDELITY A8 "Billing rules"): bytes per class over
 * time (billable sizes: 128 KB minimum for IA classes and GLACIER_IR, 40 KB overhead for archives,
 * 8 KB of it at STANDARD's rate), early-deletion charges when an object leaves a class (deleted,
 * overwritten or transitioned) before its minimum duration, and restore requests and bytes per tier.
 * A month is 730 hours and a GB is 2^30 bytes ([M]: the usual GB-month convention).
 *
 * <pre>{@code
 * CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
 * bill.enter("k", StorageClass.STANDARD, 1L << 30, 0);
 * bill.leave("k", 30 * Simulation.DAYS);             // 1 GB for 30 days of STANDARD
 * bill.totalUsd();
 * }</pre>
 */
public final class CostAccount {
    /** Nanoseconds in a billing month: 730 hours. */
    public static final long MONTH = 730 * Simulation.HOURS;
    private static final double GB = 1L << 30;

    private record Stay(StorageClass c, long size, long since) {
    }

    private final PriceTable prices;
    private final TreeMap<String, Stay> open = new TreeMap<>();
    private final EnumMap<StorageClass, Double> byteNanos = new EnumMap<>(StorageClass.class);
    private final EnumMap<StorageClass, Double> earlyByteNanos = new EnumMap<>(StorageClass.class);
    private final EnumMap<StorageClass, EnumMap<RestoreTier, long[]>> restores = new EnumMap<>(StorageClass.class);

    public CostAccount(PriceTable prices) {
        this.prices = prices;
    }

    /** Object {@code key} of {@code size} bytes starts being stored in {@code c} at {@code now}. */
    public void enter(String key, StorageClass c, long size, long now) {
        if (open.containsKey(key)) {
            leave(key, now);
        }
        open.put(key, new Stay(c, size, now));
    }

    /** Object {@code key} leaves its class at {@code now} (deleted, overwritten or transitioned). */
    public void leave(String key, long now) {
        Stay s = open.remove(key);
        if (s == null) {
            return;
        }
        long stayed = now - s.since();
        accrue(s, stayed, byteNanos);
        long minimum = s.c().minStorageDays() * Simulation.DAYS;
        if (stayed < minimum) {
            accrue(s, minimum - stayed, earlyByteNanos);
        }
    }

    /** Moves {@code key} to class {@code to} at {@code now} (an early transition is charged like a deletion). */
    public void transition(String key, StorageClass to, long now) {
        Stay s = open.get(key);
        if (s != null) {
            leave(key, now);
            enter(key, to, s.size(), now);
        }
    }

    /** One RestoreObject of {@code size} bytes from class {@code c} at tier {@code t}. */
    public void restore(StorageClass c, RestoreTier t, long size) {
        long[] n = restores.computeIfAbsent(c, k -> new EnumMap<>(RestoreTier.class))
                .computeIfAbsent(t, k -> new long[2]);
        n[0]++;
        n[1] += size;
    }

    /** Closes every open stay at {@code now} without early-deletion charges (the bill's end, not a deletion). */
    public void closeAt(long now) {
        for (Map.Entry<String, Stay> e : open.entrySet()) {
            Stay s = e.getValue();
            accrue(s, now - s.since(), byteNanos);
            open.put(e.getKey(), new Stay(s.c(), s.size(), now));
        }
    }

    private static void accrue(Stay s, long nanos, EnumMap<StorageClass, Double> into) {
        into.merge(s.c(), (double) s.c().billableBytes(s.size()) * nanos, Double::sum);
        if (s.c().standardOverheadBytes() > 0) {
            into.merge(StorageClass.STANDARD, (double) s.c().standardOverheadBytes() * nanos, Double::sum);
        }
    }

    /** GB-months billed in class {@code c} so far (stays closed by leave, transition or closeAt). */
    public double gbMonths(StorageClass c) {
        return byteNanos.getOrDefault(c, 0.0) / GB / MONTH;
    }

    /** Early-deletion GB-months charged in class {@code c}. */
    public double earlyGbMonths(StorageClass c) {
        return earlyByteNanos.getOrDefault(c, 0.0) / GB / MONTH;
    }

    /** The bill in USD so far. */
    public double totalUsd() {
        double total = 0;
        for (Line l : lines()) {
            total += l.cost();
        }
        return total;
    }

    /** Column names of {@link #rows()}. */
    public static List<String> columns() {
        return List.of("item", "quantity", "unit price (USD)", "cost (USD)");
    }

    /** One row per class with storage, per class with early deletion, per class and tier with restores. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Line l : lines()) {
            rows.add(List.of(l.item(), l.quantity(), String.format(Locale.ROOT, "%.5f", l.unit()),
                    String.format(Locale.ROOT, "%.4f", l.cost())));
        }
        return rows;
    }

    private record Line(String item, String quantity, double unit, double cost) {
    }

    private List<Line> lines() {
        List<Line> rows = new ArrayList<>();
        for (StorageClass c : StorageClass.values()) {
            double gbm = gbMonths(c);
            if (gbm > 0) {
                rows.add(row(c + " storage", fmt(gbm) + " GB-month", prices.storage(c), gbm * prices.storage(c)));
            }
            double early = earlyGbMonths(c);
            if (early > 0) {
                rows.add(row(c + " early deletion (minimum " + c.minStorageDays() + " days)", fmt(early) + " GB-month",
                        prices.storage(c), early * prices.storage(c)));
            }
        }
        for (Map.Entry<StorageClass, EnumMap<RestoreTier, long[]>> e : restores.entrySet()) {
            for (Map.Entry<RestoreTier, long[]> t : e.getValue().entrySet()) {
                long n = t.getValue()[0];
                double gb = t.getValue()[1] / GB;
                StorageClass c = e.getKey();
                rows.add(row(c + " " + t.getKey().apiName() + " restore requests", n + " requests",
                        prices.requests(c, t.getKey()) / 1000, n * prices.requests(c, t.getKey()) / 1000));
                rows.add(row(c + " " + t.getKey().apiName() + " restored bytes", fmt(gb) + " GB",
                        prices.retrieval(c, t.getKey()), gb * prices.retrieval(c, t.getKey())));
            }
        }
        return rows;
    }

    private static Line row(String item, String quantity, double unit, double cost) {
        return new Line(item, quantity, unit, cost);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
