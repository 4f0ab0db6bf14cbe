package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.ListVersionsResponse;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.VersionEntry;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle filters on object size ({@code ObjectSizeGreaterThan}, {@code ObjectSizeLessThan},
 * FIDELITY A9.2: they override the 128 KB default floor) and {@code NewerNoncurrentVersions} (A9.3:
 * the newest n noncurrent versions are kept), validated when the configuration is put, through the
 * model's front-ends and index.
 */
class LifecycleFiltersTest {
    private static final long M = Simulation.MINUTES;
    private static final long H = Simulation.HOURS;
    private static final long D = Simulation.DAYS;

    private static TimedScript.At at(long t, S3Request r) {
        return new TimedScript.At(t, prev -> r);
    }

    private static List<S3Result<?>> run(long until, List<TimedScript.At> steps) {
        S3Cluster c = S3Cluster.build(8, S3Config.defaults().withBucketConfigDelay(0), ColdPath.defaults(), new ClusterShape(3, 1, List.of("b")));
        Host h = c.addClient("driver", 0, frontEnd -> new TimedScript(frontEnd, steps));
        c.sim().run(until);
        List<S3Result<?>> r = h.process(TimedScript.class).orElseThrow().results();
        assertEquals(steps.size(), r.size(), "every step answered: " + r);
        return r;
    }

    private static S3Request put(String key, long size) {
        return new S3Request.PutObject("b", key, Body.synthetic(size, key), WriteConditions.none());
    }

    private static S3Request head(String key) {
        return new S3Request.HeadObject("b", key, Optional.empty(), Conditions.none());
    }

    private static S3Request lifecycle(LifecycleRule r) {
        return new S3Request.PutBucketLifecycleConfiguration("b", List.of(r));
    }

    private static String rejected(S3Result<?> r) {
        assertEquals("InvalidArgument", r.failureOrThrow().error().code(), r.toString());
        return r.failureOrThrow().message();
    }

    @Test
    void badFiltersAreRejectedWithTheCulprit_A9_2_A9_3() {
        LifecycleRule base = LifecycleRule.forPrefix("r", "").transition(1, StorageClass.GLACIER);
        List<S3Result<?>> r = run(H, List.of(
                at(M, lifecycle(base.objectSizeGreaterThan(2048).objectSizeLessThan(1024))),
                at(M, lifecycle(base.objectSizeGreaterThan(1024).objectSizeLessThan(1024))),
                at(M, lifecycle(base.objectSizeLessThan(6L << 40))),
                at(M, lifecycle(base.objectSizeGreaterThan(-1))),
                at(M, lifecycle(LifecycleRule.forPrefix("r", "").noncurrentExpiration(1, 101))),
                at(M, lifecycle(LifecycleRule.forPrefix("r", "").noncurrentExpiration(1, 0))),
                at(M, lifecycle(LifecycleRule.forPrefix("r", "").noncurrentTransition(1, StorageClass.GLACIER, 101))),
                at(M, lifecycle(LifecycleRule.forPrefix("r", "").abortIncompleteUploads(7).objectSizeGreaterThan(1))),
                at(M, lifecycle(base.objectSizeGreaterThan(1024).objectSizeLessThan(2048)))));
        assertTrue(rejected(r.get(0)).contains("ObjectSizeGreaterThan (2048) must be less than ObjectSizeLessThan (1024)"));
        assertTrue(rejected(r.get(1)).contains("must be less than"));
        assertTrue(rejected(r.get(2)).contains("0 to 5497558138880 bytes"));
        assertTrue(rejected(r.get(3)).contains("not -1"));
        assertTrue(rejected(r.get(4)).contains("NewerNoncurrentVersions takes 1 to 100, not 101"));
        assertTrue(rejected(r.get(5)).contains("not 0"));
        assertTrue(rejected(r.get(6)).contains("not 101"));
        assertTrue(rejected(r.get(7)).contains("AbortIncompleteMultipartUpload"));
        assertTrue(r.get(8).isOk(), "a size range is fine: " + r.get(8));
    }

    @Test
    void sizeFiltersSelectObjectsAndOverrideThe128KbFloor_A9_2() {
        LifecycleRule rule = LifecycleRule.forPrefix("mid", "").objectSizeGreaterThan(1000).objectSizeLessThan(1 << 20)
                .transition(1, StorageClass.GLACIER);
        List<S3Result<?>> r = run(3 * D, List.of(
                at(M, lifecycle(rule)),
                at(H, put("tiny", 500)),
                at(H, put("edge", 1000)),
                at(H, put("small", 10 * 1024)),
                at(H, put("big", 2 << 20)),
                at(2 * D + H, head("tiny")),
                at(2 * D + H, head("edge")),
                at(2 * D + H, head("small")),
                at(2 * D + H, head("big"))));
        assertEquals(Optional.empty(), ((ObjectInfo) r.get(5).orThrow()).storageClass(), "500 B: under the minimum");
        assertEquals(Optional.empty(), ((ObjectInfo) r.get(6).orThrow()).storageClass(), "1000 B: not greater than 1000");
        assertEquals(Optional.of(StorageClass.GLACIER), ((ObjectInfo) r.get(7).orThrow()).storageClass(),
                "10 KB: in range, and the filter overrides the 128 KB floor");
        assertEquals(Optional.empty(), ((ObjectInfo) r.get(8).orThrow()).storageClass(), "2 MB: over the maximum");
    }

    @Test
    void newerNoncurrentVersionsKeepsTheNewestNoncurrentVersions_A9_3() {
        LifecycleRule rule = LifecycleRule.forPrefix("keep2", "").noncurrentExpiration(1, 2);
        List<S3Result<?>> r = run(3 * D, List.of(
                at(M, new S3Request.PutBucketVersioning("b", "Enabled")),
                at(2 * M, lifecycle(rule)),
                at(10 * H, put("k", 1)),
                at(11 * H, put("k", 2)),
                at(12 * H, put("k", 3)),
                at(13 * H, put("k", 4)),
                at(14 * H, put("k", 5)),
                at(D + 23 * H, new S3Request.ListObjectVersions("b", "")),
                at(2 * D + H, new S3Request.ListObjectVersions("b", ""))));
        assertEquals(5, ((ListVersionsResponse) r.get(7).orThrow()).versions().size(), "nothing due before day 2");
        List<VersionEntry> left = ((ListVersionsResponse) r.get(8).orThrow()).versions();
        assertEquals(List.of(5L, 4L, 3L), left.stream().map(VersionEntry::size).toList(),
                "the current version and the 2 newest noncurrent ones are kept; the older 2 expired: " + left);
    }
}
