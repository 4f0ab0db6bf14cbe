package io.faultline.models.s3.cold;

import java.util.EnumMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Prices the cost account applies. The shipped {@link #EXAMPLE_US_EAST_1} values are EXAMPLE
 * us-east-1 list prices (first 50 TB tier). Checked on 2026-11-26, they could NOT be verified against
 * AWS's own pricing page (https://aws.amazon.com/s3/pricing/): the copy available to us shows its price
 * cells as unrendered template tokens. They agree with: AWS re:Post "manage data retrieval" (GLACIER
 * Standard $0.05 per 1,000 requests + $0.01/GB, Expedited $10 per 1,000 requests), and a third-party
 * table "S3 storage class pricing, US East, May 2026" (usage.ai) for every storage price and the
 * per-GB retrieval fees; the DEEP_ARCHIVE request prices ($0.10 Standard, $0.025 Bulk per 1,000)
 * only with a third-party note of March 2023. The request prices (PUT, COPY, POST and LIST per 1,000
 * requests, per class; lifecycle transition requests per 1,000, per target class, FIDELITY A9 and
 * the re:Post note "you're charged for every lifecycle transition request") are UNVERIFIED: they
 * are recalled from the us-east-1 pricing page, not read from any source we could retrieve on
 * 2026-11-27. Override them for real estimates.
 *
 * <pre>{@code
 * PriceTable p = PriceTable.EXAMPLE_US_EAST_1.withStorage(StorageClass.GLACIER, 0.0036);
 * }</pre>
 *
 * @param storagePerGbMonth     USD per GB-month (first 50 TB tier) per class
 * @param retrievalPerGb        USD per GB restored, per source class and tier (GLACIER, DEEP_ARCHIVE)
 * @param restoreRequestsPer1000 USD per 1,000 restore requests, per source class and tier
 * @param writeRequestsPer1000  USD per 1,000 PUT, COPY, POST or LIST requests, per class written (UNVERIFIED)
 * @param transitionRequestsPer1000 USD per 1,000 lifecycle transition requests, per target class (UNVERIFIED)
 * @param source                where the numbers come from, and when
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PriceTable(Map<StorageClass, Double> storagePerGbMonth, Map<StorageClass, Map<RestoreTier, Double>> retrievalPerGb,
        Map<StorageClass, Map<RestoreTier, Double>> restoreRequestsPer1000, Map<StorageClass, Double> writeRequestsPer1000,
        Map<StorageClass, Double> transitionRequestsPer1000, String source) {

    public static final PriceTable EXAMPLE_US_EAST_1 = example();

    public PriceTable {
        storagePerGbMonth = new EnumMap<>(storagePerGbMonth);
        retrievalPerGb = copy(retrievalPerGb);
        restoreRequestsPer1000 = copy(restoreRequestsPer1000);
        writeRequestsPer1000 = new EnumMap<>(writeRequestsPer1000);
        transitionRequestsPer1000 = new EnumMap<>(transitionRequestsPer1000);
    }

    private static PriceTable example() {
        Map<StorageClass, Double> s = new EnumMap<>(StorageClass.class);
        s.put(StorageClass.STANDARD, 0.023);
        s.put(StorageClass.STANDARD_IA, 0.0125);
        s.put(StorageClass.INTELLIGENT_TIERING, 0.023);
        s.put(StorageClass.ONEZONE_IA, 0.01);
        s.put(StorageClass.GLACIER_IR, 0.004);
        s.put(StorageClass.GLACIER, 0.0036);
        s.put(StorageClass.DEEP_ARCHIVE, 0.00099);
        Map<StorageClass, Map<RestoreTier, Double>> gb = new EnumMap<>(StorageClass.class);
        gb.put(StorageClass.GLACIER, tiers(0.03, 0.01, 0.0));
        gb.put(StorageClass.DEEP_ARCHIVE, tiers(0.0, 0.02, 0.0025));
        Map<StorageClass, Map<RestoreTier, Double>> req = new EnumMap<>(StorageClass.class);
        req.put(StorageClass.GLACIER, tiers(10.0, 0.05, 0.0));
        req.put(StorageClass.DEEP_ARCHIVE, tiers(0.0, 0.10, 0.025));
        // UNVERIFIED (recalled, no retrievable source): PUT/COPY/POST/LIST and lifecycle transition requests
        Map<StorageClass, Double> w = perClass(0.005, 0.01, 0.005, 0.01, 0.02, 0.03, 0.05);
        Map<StorageClass, Double> t = perClass(0.0, 0.01, 0.01, 0.01, 0.02, 0.03, 0.05);
        return new PriceTable(s, gb, req, w, t, "EXAMPLE us-east-1 list prices, not verified against aws.amazon.com/s3/pricing"
                + " (checked 2026-11-26: agree with AWS re:Post and third-party tables of 2026; request and transition"
                + " prices unverified); override for real use");
    }

    /** Prices in {@link StorageClass} declaration order. */
    private static Map<StorageClass, Double> perClass(double... usd) {
        Map<StorageClass, Double> m = new EnumMap<>(StorageClass.class);
        for (StorageClass c : StorageClass.values()) {
            m.put(c, usd[c.ordinal()]);
        }
        return m;
    }

    private static Map<RestoreTier, Double> tiers(double expedited, double standard, double bulk) {
        Map<RestoreTier, Double> m = new EnumMap<>(RestoreTier.class);
        m.put(RestoreTier.EXPEDITED, expedited);
        m.put(RestoreTier.STANDARD, standard);
        m.put(RestoreTier.BULK, bulk);
        return m;
    }

    private static Map<StorageClass, Map<RestoreTier, Double>> copy(Map<StorageClass, Map<RestoreTier, Double>> m) {
        Map<StorageClass, Map<RestoreTier, Double>> out = new EnumMap<>(StorageClass.class);
        m.forEach((k, v) -> out.put(k, new EnumMap<>(v)));
        return out;
    }

    /** The same table with another storage price for {@code c}. */
    public PriceTable withStorage(StorageClass c, double usdPerGbMonth) {
        if (usdPerGbMonth < 0) {
            throw new IllegalArgumentException("price must not be negative: " + usdPerGbMonth);
        }
        if (storagePerGbMonth.get(c) != null && storagePerGbMonth.get(c) == usdPerGbMonth) {
            return this;
        }
        Map<StorageClass, Double> s = new EnumMap<>(storagePerGbMonth);
        s.put(c, usdPerGbMonth);
        return new PriceTable(s, retrievalPerGb, restoreRequestsPer1000, writeRequestsPer1000, transitionRequestsPer1000,
                source + "; " + c + " storage overridden");
    }

    /** The same table with another price per 1,000 PUT, COPY, POST or LIST requests in {@code c}. */
    public PriceTable withWriteRequests(StorageClass c, double usdPer1000) {
        Map<StorageClass, Double> w = overridden(writeRequestsPer1000, c, usdPer1000);
        return new PriceTable(storagePerGbMonth, retrievalPerGb, restoreRequestsPer1000, w, transitionRequestsPer1000,
                source + "; " + c + " request price overridden");
    }

    /** The same table with another price per 1,000 lifecycle transitions into {@code c}. */
    public PriceTable withTransitionRequests(StorageClass c, double usdPer1000) {
        Map<StorageClass, Double> t = overridden(transitionRequestsPer1000, c, usdPer1000);
        return new PriceTable(storagePerGbMonth, retrievalPerGb, restoreRequestsPer1000, writeRequestsPer1000, t,
                source + "; " + c + " transition price overridden");
    }

    private static Map<StorageClass, Double> overridden(Map<StorageClass, Double> m, StorageClass c, double usd) {
        if (usd < 0) {
            throw new IllegalArgumentException("price must not be negative: " + usd);
        }
        Map<StorageClass, Double> out = new EnumMap<>(m);
        out.put(c, usd);
        return out;
    }

    double writeRequests(StorageClass c) {
        return writeRequestsPer1000.getOrDefault(c, 0.0);
    }

    double transitionRequests(StorageClass c) {
        return transitionRequestsPer1000.getOrDefault(c, 0.0);
    }

    double storage(StorageClass c) {
        return storagePerGbMonth.getOrDefault(c, 0.0);
    }

    double retrieval(StorageClass c, RestoreTier t) {
        return retrievalPerGb.getOrDefault(c, Map.of()).getOrDefault(t, 0.0);
    }

    double requests(StorageClass c, RestoreTier t) {
        return restoreRequestsPer1000.getOrDefault(c, Map.of()).getOrDefault(t, 0.0);
    }
}
