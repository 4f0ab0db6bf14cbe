package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.api.response.ListUploadsResponse;
import io.faultline.models.s3.api.response.ListVersionsResponse;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.workload.ScriptRunner;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The API through the simulated front-ends and index, in both modes: codes and statuses as S3's. */
class S3ApiOverNetworkTest {

    private static List<S3Result<?>> run(ConsistencyMode mode, List<Function<List<S3Result<?>>, S3Request>> steps) {
        // The scripts PUT right after enabling versioning, so bucket configuration takes effect at once
        // here (FIDELITY A1.3's propagation delay is tested in S3ConcurrencyGapsTest).
        S3Cluster c = S3Cluster.build(7, S3Config.defaults().withMode(mode).withBucketConfigDelay(0), new ClusterShape(3, 1, List.of()));
        Host h = c.sim().addHost("driver", self -> new ScriptRunner(c.frontEnds().get(0).id(), steps));
        c.sim().run(20 * Simulation.SECONDS);
        ScriptRunner d = h.process(ScriptRunner.class).orElseThrow();
        assertTrue(d.done(), "script finished: " + d.results());
        return d.results();
    }

    private static Function<List<S3Result<?>>, S3Request> step(S3Request r) {
        return prev -> r;
    }

    private static S3Failure failure(S3Result<?> r) {
        return r.failureOrThrow();
    }

    private static S3Request get(String key) {
        return new S3Request.GetObject("bk1", key, Optional.empty(), Conditions.none(), ByteRange.NONE);
    }

    @ParameterizedTest
    @EnumSource(ConsistencyMode.class)
    void bucketsObjectsRangesAndErrors_A2_A4_A7(ConsistencyMode mode) {
        List<S3Result<?>> r = run(mode, List.of(
                step(new S3Request.CreateBucket("bk1")),
                step(new S3Request.CreateBucket("bk1")),
                step(new S3Request.CreateBucket("Bad_Name")),
                step(new S3Request.PutObject("bk1", "a/x", Body.of("0123456789"), WriteConditions.none())),
                step(new S3Request.GetObject("bk1", "a/x", Optional.empty(), Conditions.none(), ByteRange.parse("bytes=-3"))),
                step(new S3Request.GetObject("bk1", "a/x", Optional.empty(), Conditions.none(), ByteRange.parse("bytes=10-"))),
                step(new S3Request.PutObject("bk1", "a/x", Body.of("again"), WriteConditions.ifAbsent())),
                step(get("nope")),
                step(new S3Request.PutObject("nobucket", "k", Body.of("v"), WriteConditions.none())),
                step(new S3Request.DeleteBucket("bk1")),
                step(new S3Request.ListObjectsV2("bk1", ListObjectsV2Request.all().withDelimiter("/")))));
        assertTrue(r.get(0).isOk());
        assertEquals(409, failure(r.get(1)).status());
        assertEquals("InvalidBucketName", failure(r.get(2)).error().code());
        assertEquals(Body.of("0123456789").etag(), ((PutObjectResponse) r.get(3).orThrow()).etag());
        GetObjectResponse ranged = (GetObjectResponse) r.get(4).orThrow();
        assertEquals(206, ranged.status());
        assertEquals(Optional.of("bytes 7-9/10"), ranged.contentRange());
        assertEquals(416, failure(r.get(5)).status());
        if (mode == ConsistencyMode.STRONG) {
            // Legacy evaluates conditions on one random replica (conditional writes postdate it, A7.2).
            assertEquals(412, failure(r.get(6)).status());
        }
        assertEquals("NoSuchKey", failure(r.get(7)).error().code());
        assertEquals("NoSuchBucket", failure(r.get(8)).error().code());
        assertEquals("BucketNotEmpty", failure(r.get(9)).error().code());
        assertEquals(List.of("a/"), ((ListObjectsV2Response) r.get(10).orThrow()).commonPrefixes());
    }

    @Test
    void versioningDeleteMarkersAndTheNullVersion_A6() {
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, List.of(
                step(new S3Request.CreateBucket("bk1")),
                step(new S3Request.PutObject("bk1", "k", Body.of("before"), WriteConditions.none())),
                step(new S3Request.PutBucketVersioning("bk1", "Enabled")),
                step(new S3Request.PutObject("bk1", "k", Body.of("v1"), WriteConditions.none())),
                step(new S3Request.DeleteObject("bk1", "k", Optional.empty())),
                step(get("k")),
                prev -> new S3Request.GetObject("bk1", "k",
                        ((io.faultline.models.s3.api.response.DeleteObjectResponse) prev.get(4).orThrow()).versionId(),
                        Conditions.none(), ByteRange.NONE),
                step(new S3Request.GetObject("bk1", "k", Optional.of("null"), Conditions.none(), ByteRange.NONE))));
        S3Failure current = failure(r.get(5));
        assertEquals(404, current.status());
        assertTrue(current.deleteMarker());
        S3Failure byVersion = failure(r.get(6));
        assertEquals(405, byVersion.status());
        assertTrue(byVersion.deleteMarker());
        assertEquals("before", ((Body.Bytes) ((GetObjectResponse) r.get(7).orThrow()).body()).utf8());
    }

    @Test
    void multipartCompleteListAbort_A3() {
        Body p1 = Body.synthetic(5L << 20, "p1");
        Body p2 = Body.of("tail");
        List<Function<List<S3Result<?>>, S3Request>> steps = new ArrayList<>();
        steps.add(step(new S3Request.CreateBucket("bk1")));
        steps.add(step(new S3Request.CreateMultipartUpload("bk1", "big")));
        steps.add(prev -> new S3Request.UploadPart("bk1", "big", (String) prev.get(1).orThrow(), 1, p1));
        steps.add(prev -> new S3Request.UploadPart("bk1", "big", (String) prev.get(1).orThrow(), 2, p2));
        steps.add(step(new S3Request.ListMultipartUploads("bk1")));
        steps.add(prev -> new S3Request.CompleteMultipartUpload("bk1", "big", (String) prev.get(1).orThrow(),
                List.of(new CompletedPart(2, p2.etag()), new CompletedPart(1, p1.etag())), WriteConditions.none()));
        steps.add(prev -> new S3Request.CompleteMultipartUpload("bk1", "big", (String) prev.get(1).orThrow(),
                List.of(new CompletedPart(1, p1.etag()), new CompletedPart(2, p2.etag())), WriteConditions.none()));
        steps.add(step(new S3Request.ListMultipartUploads("bk1")));
        steps.add(prev -> new S3Request.AbortMultipartUpload("bk1", "big", (String) prev.get(1).orThrow()));
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, steps);
        assertEquals(1, ((ListUploadsResponse) r.get(4).orThrow()).uploads().size());
        assertEquals("InvalidPartOrder", failure(r.get(5)).error().code());
        assertEquals(ETags.multipart(List.of(p1.md5(), p2.md5())), ((PutObjectResponse) r.get(6).orThrow()).etag());
        assertTrue(((ListUploadsResponse) r.get(7).orThrow()).uploads().isEmpty());
        assertEquals("NoSuchUpload", failure(r.get(8)).error().code());
    }

    /** ListObjectVersions pages through the front-end: max-keys, then the markers it returned (A5). */
    @Test
    void listObjectVersionsPagesWithMarkers_A5() {
        List<Function<List<S3Result<?>>, S3Request>> steps = new ArrayList<>();
        steps.add(step(new S3Request.CreateBucket("bk1")));
        steps.add(step(new S3Request.PutBucketVersioning("bk1", "Enabled")));
        for (int i = 0; i < 3; i++) {
            steps.add(step(new S3Request.PutObject("bk1", "k", Body.of("v" + i), WriteConditions.none())));
        }
        steps.add(step(new S3Request.ListObjectVersions("bk1", "", 2, Optional.empty(), Optional.empty())));
        steps.add(prev -> {
            ListVersionsResponse p = (ListVersionsResponse) prev.get(5).orThrow();
            return new S3Request.ListObjectVersions("bk1", "", 2, p.nextKeyMarker(), p.nextVersionIdMarker());
        });
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, steps);
        ListVersionsResponse first = (ListVersionsResponse) r.get(5).orThrow();
        ListVersionsResponse second = (ListVersionsResponse) r.get(6).orThrow();
        assertTrue(first.isTruncated());
        assertEquals(2, first.versions().size());
        assertEquals(1, second.versions().size());
        assertTrue(!second.isTruncated());
        assertEquals(((PutObjectResponse) r.get(2).orThrow()).versionId().orElseThrow(),
                second.versions().get(0).versionId(), "the oldest version comes last");
    }
}
