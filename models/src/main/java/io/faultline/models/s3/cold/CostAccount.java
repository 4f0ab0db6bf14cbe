package io.faultline.models.s3.cold;

import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A storage bill accumulated over virtual time (FIDELITY A8 "Billing rules"): bytes per class over
 * time (billable sizes: 128 KB minimum for IA classes and GLACIER_IR, 40 KB overhead for archives,
 * 8 KB of it at STANDARD's rate), early-deletion charges when an object leaves a class (deleted,
 * overwritten or transitioned) before its minimum duration, restore requests and bytes per tier,
 * PUT/COPY/POST requests per class written, lifecycle transition requests per target class (A9:
 * each transition is a billed request), and each restored temporary copy's own storage at
 * STANDARD's rate from the restore's completion until the copy expires or the object goes (A10.2:
 * the copy exists besides the archived object, which is still billed). A month is 730 hours and a GB
 * is 2^30 bytes ([M12]: the usual GB-month convention).
 *
 * <pre>{@code
 * CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
 * bill.enter("k", StorageClass.STANDARD, 1L << 30, 0);
 * bill.leave("k", 30 * Simulation.DAYS);             // 1 GB for 30 days of STANDARD
 * bill.totalUsd();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CostAccount {
    /** Nanoseconds in a billing month: 730 hours. */
    public static final long MONTH = 730 * Simulation.HOURS;
    private static final double GB = 1L << 30;

    /** A stay in class {@code c} since {@code entered}, billed up to {@code since}. */
    private record Stay(StorageClass c, long size, long entered, long since) {
    }

    /** A restored temporary copy, billed from {@code from} until {@code until}. */
    private record Copy(long size, long from, long until) {
        double byteNanos(long asOf) {
            return (double) size * Math.max(0, Math.min(until, asOf) - from);
        }
    }

    private final PriceTable prices;
    private final TreeMap<String, Stay> open = new TreeMap<>();
    private final EnumMap<StorageClass, Double> byteNanos = new EnumMap<>(StorageClass.class);
    private final EnumMap<StorageClass, Double> earlyByteNanos = new EnumMap<>(StorageClass.class);
    private final EnumMap<StorageClass, EnumMap<RestoreTier, long[]>> restores = new EnumMap<>(StorageClass.class);
    private final EnumMap<StorageClass, Long> writes = new EnumMap<>(StorageClass.class);
    private final EnumMap<StorageClass, Long> transitions = new EnumMap<>(StorageClass.class);
    private final TreeMap<String, Copy> copies = new TreeMap<>();
    private final List<Copy> endedCopies = new ArrayList<>();
    /** The bill's end so far: the latest {@link #closeAt}. */
    private long closedAt;

    public CostAccount(PriceTable prices) {
        this.prices = prices;
    }

    /** Object {@code key} of {@code size} bytes starts being stored in {@code c} at {@code now}. */
    public void enter(String key, StorageClass c, long size, long now) {
        if (open.containsKey(key)) {
            leave(key, now);
        }
        open.put(key, new Stay(c, size, now, now));
    }

    /** Object {@code key} leaves its class at {@code now} (deleted or overwritten): its restored copy goes too. */
    public void leave(String key, long now) {
        leaveClass(key, now);
        Copy c = copies.remove(key);
        if (c != null) {
            endedCopies.add(new Copy(c.size(), c.from(), Math.max(c.from(), Math.min(c.until(), now))));
        }
    }

    private void leaveClass(String key, long now) {
        Stay s = open.remove(key);
        if (s == null) {
            return;
        }
        accrue(s, now - s.since(), byteNanos);
        // the minimum duration counts from entering the class, not from the last closeAt (a year's end)
        long stayed = now - s.entered();
        long minimum = s.c().minStorageDays() * Simulation.DAYS;
        if (stayed < minimum) {
            accrue(s, minimum - stayed, earlyByteNanos);
        }
    }

    /**
     * Moves {@code key} to class {@code to} at {@code now} (an early transition is charged like a
     * deletion), one lifecycle transition request into {@code to}.
     */
    public void transition(String key, StorageClass to, long now) {
        transitions.merge(to, 1L, Long::sum);
        Stay s = open.get(key);
        if (s != null) {
            leaveClass(key, now);
            open.put(key, new Stay(to, s.size(), now, now));
        }
    }

    /** One PUT, COPY or POST request (CompleteMultipartUpload included) that wrote an object in {@code c}. */
    public void write(StorageClass c) {
        writes.merge(c, 1L, Long::sum);
    }

    /**
     * Object {@code key}'s restored temporary copy of {@code size} bytes exists from {@code from} (the
     * restore's completion) until {@code until} (its expiry), billed at STANDARD's rate. A later call
     * for the same copy (a faster tier, or a new expiry from a repeated RestoreObject) moves its
     * start to the earlier completion and its end to the new expiry; a call after the copy expired
     * starts a new one.
     */
    public void restoredCopy(String key, long size, long from, long until) {
        Copy c = copies.get(key);
        if (c != null && c.until() > from) {
            copies.put(key, new Copy(size, Math.min(c.from(), from), until));
            return;
        }
        if (c != null) {
            endedCopies.add(c);
        }
        copies.put(key, new Copy(size, from, until));
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
        closedAt = Math.max(closedAt, now);
        for (Map.Entry<String, Stay> e : open.entrySet()) {
            Stay s = e.getValue();
            accrue(s, now - s.since(), byteNanos);
            open.put(e.getKey(), new Stay(s.c(), s.size(), s.entered(), now));
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

    /** GB-months of restored temporary copies up to the bill's end, billed at STANDARD's rate. */
    public double restoredCopyGbMonths() {
        double byteNanos = 0;
        for (Copy c : endedCopies) {
            byteNanos += c.byteNanos(closedAt);
        }
        for (Copy c : copies.values()) {
            byteNanos += c.byteNanos(closedAt);
        }
        return byteNanos / GB / MONTH;
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

    /**
     * One row per class with storage, per class with early deletion, for restored copies, per class
     * with write requests, per target class with transition requests, per class and tier with restores.
     */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Line l : lines()) {
            rows.add(List.of(l.item(), l.quantity(), String.format(Locale.ROOT, "%.6f", l.unit()),
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
        double copyGbm = restoredCopyGbMonths();
        if (copyGbm > 0) {
            double p = prices.storage(StorageClass.STANDARD);
            rows.add(row("restored copies (STANDARD rate)", fmt(copyGbm) + " GB-month", p, copyGbm * p));
        }
        for (Map.Entry<StorageClass, Long> e : writes.entrySet()) {
            double p = prices.writeRequests(e.getKey()) / 1000;
            rows.add(row(e.getKey() + " PUT, COPY, POST requests", requests(e.getValue()), p, e.getValue() * p));
        }
        for (Map.Entry<StorageClass, Long> e : transitions.entrySet()) {
            double p = prices.transitionRequests(e.getKey()) / 1000;
            rows.add(row("lifecycle transitions to " + e.getKey(), requests(e.getValue()), p, e.getValue() * p));
        }
        for (Map.Entry<StorageClass, EnumMap<RestoreTier, long[]>> e : restores.entrySet()) {
            for (Map.Entry<RestoreTier, long[]> t : e.getValue().entrySet()) {
                long n = t.getValue()[0];
                double gb = t.getValue()[1] / GB;
                StorageClass c = e.getKey();
                rows.add(row(c + " " + t.getKey().apiName() + " restore requests", requests(n),
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

    private static String requests(long n) {
        return n == 1 ? "1 request" : n + " requests";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
