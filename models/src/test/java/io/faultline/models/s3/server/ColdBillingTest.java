package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.RestoreObjectResponse;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.CostAccount;
import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The request and restored-copy lines of the bill, through the model: every acknowledged PUT and
 * COPY is a request billed in the class it wrote, every lifecycle transition a request billed in
 * its target class (FIDELITY A9; prices UNVERIFIED in {@code PriceTable}), and a restored copy is
 * billed at STANDARD's rate from the restore's completion until its expiry (A10.2), besides the
 * archived object itself.
 */
class ColdBillingTest {
    private static final long M = Simulation.MINUTES;
    private static final long H = Simulation.HOURS;
    private static final long D = Simulation.DAYS;
    private static final long MB = 1 << 20;

    private static TimedScript.At at(long t, S3Request r) {
        return new TimedScript.At(t, prev -> r);
    }

    private static S3Request put(String key, String storageClass) {
        return new S3Request.PutObject("b", key, Body.synthetic(MB, key), WriteConditions.none(),
                Optional.of(storageClass));
    }

    private static String row(ColdPath cold, String item) {
        return cold.cost().rows().stream().filter(r -> r.get(0).equals(item)).map(r -> r.get(1)).findFirst()
                .orElse("(no row " + item + " in " + cold.cost().rows() + ")");
    }

    @Test
    void writesTransitionsAndTheRestoredCopyAreBilled_A9_A10_2() {
        ColdPath cold = ColdPath.defaults();
        long restoreAt = 2 * D + 10 * H;
        List<TimedScript.At> steps = List.of(
                at(M, new S3Request.PutBucketLifecycleConfiguration("b", List.of(
                        LifecycleRule.forPrefix("archive", "logs/").transition(1, StorageClass.GLACIER)))),
                at(H, put("logs/a", "STANDARD")),
                at(H, put("logs/b", "STANDARD")),
                at(H, put("ia", "STANDARD_IA")),
                at(H, new S3Request.CopyObject("b", "ia", Optional.empty(), "ia-copy", Optional.of("DEEP_ARCHIVE"))),
                at(restoreAt, new S3Request.RestoreObject("b", "logs/a", Optional.empty(), 2, RestoreTier.STANDARD)),
                at(restoreAt + M, new S3Request.DeleteObject("b", "logs/b", Optional.empty())));
        S3Cluster c = S3Cluster.build(5, S3Config.defaults().withBucketConfigDelay(0), cold, new ClusterShape(3, 1, List.of("b")));
        Host h = c.addClient("driver", 0, frontEnd -> new TimedScript(frontEnd, steps));
        c.sim().run(10 * D);
        List<S3Result<?>> r = h.process(TimedScript.class).orElseThrow().results();
        assertEquals(steps.size(), r.size(), "every step answered: " + r);
        assertEquals(202, ((RestoreObjectResponse) r.get(5).orThrow()).status());
        cold.bill(10 * D);

        assertEquals("2 requests", row(cold, "STANDARD PUT, COPY, POST requests"));
        assertEquals("1 request", row(cold, "STANDARD_IA PUT, COPY, POST requests"));
        assertEquals("1 request", row(cold, "DEEP_ARCHIVE PUT, COPY, POST requests"), "a COPY is billed in its target class");
        assertEquals("2 requests", row(cold, "lifecycle transitions to GLACIER"), "logs/a and logs/b at day 2 00:00");

        // Standard tier: done 3 to 5 hours after the request (A10.1); the copy lives until day 5 00:00 (A10.2)
        double gbMonthsPerHour = (double) MB / (1L << 30) / (CostAccount.MONTH / H);
        double copy = cold.cost().restoredCopyGbMonths();
        long expiry = 5 * D;
        assertTrue(copy >= (expiry - restoreAt - 5 * H) / H * gbMonthsPerHour - 1e-12
                && copy <= (expiry - restoreAt - 3 * H) / H * gbMonthsPerHour + 1e-12, "copy GB-months " + copy);
        assertTrue(cold.cost().rows().stream().anyMatch(row -> row.get(0).equals("restored copies (STANDARD rate)")));
        // the archived object is billed all along, besides its copy
        assertTrue(cold.cost().gbMonths(StorageClass.GLACIER) > 0);
    }

    @Test
    void deletingTheObjectEndsItsRestoredCopysBill_A10_2() {
        ColdPath cold = ColdPath.defaults();
        List<TimedScript.At> steps = List.of(
                at(H, put("k", "GLACIER")),
                at(2 * H, new S3Request.RestoreObject("b", "k", Optional.empty(), 30, RestoreTier.EXPEDITED)),
                at(D + 2 * H, new S3Request.DeleteObject("b", "k", Optional.empty())));
        S3Cluster c = S3Cluster.build(6, S3Config.defaults().withBucketConfigDelay(0), cold, new ClusterShape(3, 1, List.of("b")));
        Host h = c.addClient("driver", 0, frontEnd -> new TimedScript(frontEnd, steps));
        c.sim().run(40 * D);
        assertEquals(steps.size(), h.process(TimedScript.class).orElseThrow().results().size());
        cold.bill(40 * D);
        double gbMonthsPerHour = (double) MB / (1L << 30) / (CostAccount.MONTH / H);
        // Expedited: 1 to 5 minutes (A10.1); the copy ends with the object, a day later, not after 30 days
        double copy = cold.cost().restoredCopyGbMonths();
        assertTrue(copy > (24 - 0.1) * gbMonthsPerHour && copy < 24 * gbMonthsPerHour, "copy GB-months " + copy);
    }
}
