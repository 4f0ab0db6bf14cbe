package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.workload.ScriptRunner;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * FIDELITY A1.3: bucket configuration is eventually consistent, and creation and deletion lag the
 * same way versioning does, through one setting ({@code s3.bucket-config-delay}, [M2] uniform 0 to
 * 60 s): "after a bucket is deleted, an immediate ListBuckets may still show it".
 */
class S3BucketLagTest {
    private static final int SEEDS = 30;

    private static Function<List<S3Result<?>>, S3Request> step(S3Request r) {
        return prev -> r;
    }

    private static List<S3Result<?>> script(S3Cluster c, String name, long forNanos, S3Request... steps) {
        List<Function<List<S3Result<?>>, S3Request>> s = java.util.Arrays.stream(steps).map(S3BucketLagTest::step).toList();
        Host h = c.sim().addHost(name, self -> new ScriptRunner(c.frontEnds().get(0).id(), s));
        c.sim().run(c.sim().now() + forNanos);
        ScriptRunner sc = h.process(ScriptRunner.class).orElseThrow();
        assertTrue(sc.done(), name + " finished: " + sc.results());
        return sc.results();
    }

    private static S3Request put(String bucket) {
        return new S3Request.PutObject(bucket, "k", Body.of("v"), WriteConditions.none());
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(S3Result<?> r) {
        return (List<String>) r.orThrow();
    }

    @Test
    void aDeletedBucketStaysListedUntilTheDelayPassed_A1_3() {
        int stillListed = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk", "other")));
            List<S3Result<?>> now = script(c, "now", 5 * Simulation.SECONDS,
                    new S3Request.DeleteBucket("bk"), new S3Request.ListBuckets(), new S3Request.DeleteBucket("bk"));
            assertTrue(now.get(0).isOk(), "seed " + seed + ": delete " + now.get(0));
            assertEquals("NoSuchBucket", now.get(2).failureOrThrow().error().code(),
                    "seed " + seed + ": the control plane itself knows at once");
            if (names(now.get(1)).contains("bk")) {
                stillListed++;
            }
            c.sim().run(c.sim().now() + 61 * Simulation.SECONDS);
            List<S3Result<?>> later = script(c, "later", 5 * Simulation.SECONDS,
                    new S3Request.ListBuckets(), put("bk"));
            assertEquals(List.of("other"), names(later.get(0)), "seed " + seed + ": 61 s after the delete");
            assertEquals("NoSuchBucket", later.get(1).failureOrThrow().error().code(), "seed " + seed);
        }
        System.out.println("A1.3: deleted bucket still listed right after the delete in " + stillListed + " of " + SEEDS);
        assertTrue(stillListed > 0, "no seed listed the bucket right after deleting it");
    }

    @Test
    void aNewBucketReachesObjectRequestsWithinTheDelay_A1_3() {
        int early404 = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), new ClusterShape(3, 1, List.of()));
            List<S3Result<?>> now = script(c, "now", 5 * Simulation.SECONDS,
                    new S3Request.CreateBucket("newbk"), put("newbk"), new S3Request.CreateBucket("newbk"));
            assertEquals(409, now.get(2).failureOrThrow().status(), "seed " + seed + ": already owned, at once");
            if (!now.get(1).isOk()) {
                assertEquals("NoSuchBucket", now.get(1).failureOrThrow().error().code(), "seed " + seed);
                early404++;
            }
            c.sim().run(c.sim().now() + 61 * Simulation.SECONDS);
            List<S3Result<?>> later = script(c, "later", 5 * Simulation.SECONDS, put("newbk"));
            assertTrue(later.get(0).isOk(), "seed " + seed + ": PUT 61 s after creation: " + later.get(0));
        }
        System.out.println("A1.3: PUT right after CreateBucket got NoSuchBucket in " + early404 + " of " + SEEDS);
        assertTrue(early404 > 0, "no seed's PUT right after creation missed the bucket");
    }

    @Test
    void zeroDelayMakesCreationAndDeletionImmediate_A1_3() {
        S3Cluster c = S3Cluster.build(1, S3Config.defaults().withBucketConfigDelay(0), new ClusterShape(3, 1, List.of("bk")));
        List<S3Result<?>> r = script(c, "s", 5 * Simulation.SECONDS, new S3Request.DeleteBucket("bk"),
                new S3Request.ListBuckets(), new S3Request.CreateBucket("newbk"), put("newbk"));
        assertEquals(List.of(), names(r.get(1)));
        assertTrue(r.get(3).isOk(), "PUT right after creation: " + r.get(3));
    }
}
