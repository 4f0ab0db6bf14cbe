package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.ListEntry;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.api.response.ListUploadsResponse;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.models.s3.api.response.RestoreObjectResponse;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.ListVersionsResponse;
import io.faultline.models.s3.api.response.VersionEntry;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.LifecycleAction;
import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.workload.S3Requester;
import io.faultline.sim.Context;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The cold path wired into the S3 model (FIDELITY A8 to A10), through front-ends and index replicas. */
class ColdPathTest {
    private static final long H = Simulation.HOURS;
    private static final long M = Simulation.MINUTES;
    private static final long D = Simulation.DAYS;
    private static final String B = "b";

    private static List<S3Result<?>> run(ConsistencyMode mode, ColdPath cold, long until, List<TimedScript.At> steps) {
        S3Cluster c = S3Cluster.build(11, S3Config.defaults().withMode(mode).withBucketConfigDelay(0), cold, new ClusterShape(3, 1, List.of(B)));
        Host h = c.addClient("driver", 0, frontEnd -> new TimedScript(frontEnd, steps));
        c.sim().run(until);
        List<S3Result<?>> r = h.process(TimedScript.class).orElseThrow().results();
        assertEquals(steps.size(), r.size(), "every step answered: " + r);
        return r;
    }

    private static TimedScript.At at(long t, S3Request r) {
        return new TimedScript.At(t, prev -> r);
    }

    private static TimedScript.At at(long t, Function<List<S3Result<?>>, S3Request> r) {
        return new TimedScript.At(t, r);
    }

    /** The version ID of the noncurrent version in a ListObjectVersions answer of two versions. */
    private static String noncurrent(S3Result<?> listing) {
        return ((ListVersionsResponse) listing.orThrow()).versions().get(1).versionId();
    }

    private static S3Request put(String key, long size, String storageClass) {
        return new S3Request.PutObject(B, key, Body.synthetic(size, key), WriteConditions.none(),
                Optional.of(storageClass));
    }

    private static S3Request get(String key) {
        return new S3Request.GetObject(B, key, Optional.empty(), Conditions.none(), ByteRange.NONE);
    }

    private static S3Request head(String key) {
        return new S3Request.HeadObject(B, key, Optional.empty(), Conditions.none());
    }

    private static S3Request restore(String key, int days, RestoreTier tier) {
        return new S3Request.RestoreObject(B, key, Optional.empty(), days, tier);
    }

    private static String code(S3Result<?> r) {
        return r.isOk() ? "ok" : r.failureOrThrow().status() + " " + r.failureOrThrow().error().code();
    }

    private static ObjectInfo info(S3Result<?> r) {
        return (ObjectInfo) r.orThrow();
    }

    @ParameterizedTest
    @EnumSource(ConsistencyMode.class)
    void storageClassPerVersionAndGlacierGetIs403_A8_A10_2(ConsistencyMode mode) {
        List<S3Result<?>> r = run(mode, ColdPath.defaults(), D, List.of(
                at(H, put("cold", 1 << 20, "GLACIER")),
                at(H + M, get("cold")),
                at(H + 2 * M, head("cold")),
                at(H + 3 * M, put("bad", 10, "FROZEN")),
                at(H + 4 * M, put("warm", 1 << 20, "standard_ia")),
                at(H + 5 * M, head("warm")),
                at(H + 6 * M, new S3Request.CopyObject(B, "cold", Optional.empty(), "copy", Optional.empty())),
                at(H + 7 * M, new S3Request.CopyObject(B, "warm", Optional.empty(), "deep", Optional.of("DEEP_ARCHIVE"))),
                at(H + 8 * M, head("deep")),
                at(H + 9 * M, get("warm"))));
        assertTrue(r.get(0).isOk());
        assertEquals("403 InvalidObjectState", code(r.get(1)));
        assertEquals(Optional.of(StorageClass.GLACIER), info(r.get(2)).storageClass());
        assertEquals(Optional.empty(), info(r.get(2)).restore());
        assertEquals("400 InvalidStorageClass", code(r.get(3)));
        assertEquals(Optional.of(StorageClass.STANDARD_IA), info(r.get(5)).storageClass());
        assertEquals("403 InvalidObjectState", code(r.get(6)), "copying an archived source needs a restore");
        assertEquals(Optional.of(StorageClass.DEEP_ARCHIVE), info(r.get(8)).storageClass());
        assertTrue(r.get(9).isOk(), "STANDARD_IA reads at once");
    }

    /**
     * S3 "returns this header for all objects except for S3 Standard storage class objects" (BOTO-S3
     * {@code HeadObjectOutput.StorageClass}, {@code GetObjectOutput.StorageClass}; FIDELITY A8), while
     * ListObjectsV2 names every entry's class, STANDARD included.
     */
    @Test
    void getAndHeadOmitTheStorageClassHeaderForStandardButListShowsIt_A8() {
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, ColdPath.defaults(), D, List.of(
                at(H, put("plain", 10, "STANDARD")),
                at(H, new S3Request.PutObject(B, "nohdr", Body.synthetic(10, "n"), WriteConditions.none())),
                at(H + M, head("plain")),
                at(H + M, get("nohdr")),
                at(H + M, put("ia", 1 << 20, "STANDARD_IA")),
                at(H + 2 * M, get("ia")),
                at(H + 2 * M, new S3Request.ListObjectsV2(B, ListObjectsV2Request.all()))));
        assertEquals(Optional.empty(), info(r.get(2)).storageClass(), "HEAD of a STANDARD object: no header");
        assertEquals(StorageClass.STANDARD, info(r.get(2)).storageClassOrStandard());
        assertEquals(Optional.empty(), ((GetObjectResponse) r.get(3).orThrow()).info().storageClass(),
                "GET of an object put without the header: no header");
        assertEquals(Optional.of(StorageClass.STANDARD_IA), ((GetObjectResponse) r.get(5).orThrow()).info().storageClass());
        List<StorageClass> listed = ((ListObjectsV2Response) r.get(6).orThrow()).contents().stream()
                .map(ListEntry::storageClass).toList();
        assertEquals(List.of(StorageClass.STANDARD_IA, StorageClass.STANDARD, StorageClass.STANDARD), listed,
                "ia, nohdr, plain: the listing names STANDARD");
    }

    @ParameterizedTest
    @EnumSource(ConsistencyMode.class)
    void restoreAnswers202Then409ThenReadableThen200AndExpiresAtMidnight_A10_2(ConsistencyMode mode) {
        long t = 10 * H;
        List<S3Result<?>> r = run(mode, ColdPath.defaults(), 5 * D, List.of(
                at(t, put("k", 1 << 20, "GLACIER")),
                at(t + 3 * M, restore("k", 2, RestoreTier.STANDARD)),
                at(t + 4 * M, restore("k", 2, RestoreTier.STANDARD)),
                at(t + 5 * M, head("k")),
                at(t + 6 * M, get("k")),
                at(t + 6 * H, get("k")),                       // Standard: 3 to 5 hours (A10.1)
                at(t + 6 * H + M, restore("k", 3, RestoreTier.STANDARD)),
                at(t + 6 * H + 2 * M, head("k")),
                at(3 * D + 23 * H, get("k")),
                at(4 * D + M, get("k"))));
        assertEquals(202, ((RestoreObjectResponse) r.get(1).orThrow()).status());
        assertEquals("409 RestoreAlreadyInProgress", code(r.get(2)));
        assertEquals(Optional.of("ongoing-request=\"true\""), info(r.get(3)).restore());
        assertEquals("403 InvalidObjectState", code(r.get(4)), "not readable while the restore runs");
        assertTrue(r.get(5).isOk(), "readable once the restore completed: " + code(r.get(5)));
        assertEquals(200, ((RestoreObjectResponse) r.get(6).orThrow()).status(), "already restored: 200, expiry updated");
        // day 0 16:01 + 3 days, rounded up to 00:00 UTC: day 4 = Mon, 05 Jan 2026
        assertEquals(Optional.of("ongoing-request=\"false\", expiry-date=\"Mon, 05 Jan 2026 00:00:00 GMT\""),
                info(r.get(7)).restore());
        assertTrue(r.get(8).isOk(), "the copy still exists before its expiry midnight");
        assertEquals("403 InvalidObjectState", code(r.get(9)), "the restored copy is gone after its days");
    }

    @Test
    void theClientLibraryAsksForARestore_A10_2() {
        S3Cluster c = S3Cluster.build(3, S3Config.defaults(), new ClusterShape(3, 1, List.of(B)));
        List<S3Result<RestoreObjectResponse>> got = new ArrayList<>();
        c.addClient("lib", 0, frontEnd -> new Process() {
            private final S3Requester s3 = new S3Requester(frontEnd);

            @Override
            public void onStart(Context ctx) {
                s3.send(ctx, put("k", 10, "DEEP_ARCHIVE"), put -> s3.restoreObject(ctx, B, "k", Optional.empty(), 1,
                        RestoreTier.BULK, got::add));
            }

            @Override
            public void onMessage(Context ctx, HostId from, Message m) {
                s3.onMessage(m);
            }
        });
        c.sim().run(10 * Simulation.SECONDS);
        assertEquals(1, got.size());
        assertEquals(202, got.get(0).orThrow().status());
    }

    @Test
    void expeditedBeyondCapacityIs503_A10_2() {
        ColdPath cold = new ColdPath(ColdPath.Settings.defaults().withExpeditedPer5Min(1));
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, cold, D, List.of(
                at(H, put("a", 1 << 20, "GLACIER")),
                at(H, put("b", 1 << 20, "GLACIER")),
                at(2 * H, restore("a", 1, RestoreTier.EXPEDITED)),
                at(2 * H, restore("b", 1, RestoreTier.EXPEDITED)),
                at(2 * H, restore("b", 1, RestoreTier.BULK)),
                at(3 * H, get("a"))));
        assertEquals(202, ((RestoreObjectResponse) r.get(2).orThrow()).status());
        assertEquals("503 GlacierExpeditedRetrievalNotAvailable", code(r.get(3)));
        assertEquals(202, ((RestoreObjectResponse) r.get(4).orThrow()).status(), "Bulk does not need Expedited capacity");
        assertTrue(r.get(5).isOk(), "Expedited completes within 5 minutes");
        assertEquals(2, cold.cost().rows().stream().filter(row -> row.get(0).endsWith("restore requests")).count(),
                "restore requests billed per tier");
    }

    @Test
    void lifecycleConfigurationIsValidatedStoredAndDeleted_A9_2() {
        LifecycleRule good = LifecycleRule.forPrefix("ia", "logs/").transition(30, StorageClass.STANDARD_IA);
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, ColdPath.defaults(), D, List.of(
                at(H, new S3Request.GetBucketLifecycleConfiguration(B)),
                at(H, new S3Request.PutBucketLifecycleConfiguration(B, List.of(
                        LifecycleRule.forPrefix("early", "").transition(10, StorageClass.STANDARD_IA)))),
                at(H, new S3Request.PutBucketLifecycleConfiguration(B, List.of())),
                at(H, new S3Request.PutBucketLifecycleConfiguration(B, List.of(good))),
                at(H, new S3Request.GetBucketLifecycleConfiguration(B)),
                at(H, new S3Request.DeleteBucketLifecycle(B)),
                at(H, new S3Request.GetBucketLifecycleConfiguration(B)),
                at(H, new S3Request.PutBucketLifecycleConfiguration("nobucket", List.of(good)))));
        assertEquals("404 NoSuchLifecycleConfiguration", code(r.get(0)));
        assertEquals("400 InvalidArgument", code(r.get(1)));
        assertTrue(r.get(1).failureOrThrow().message().contains("30 days"), r.get(1).failureOrThrow().message());
        assertEquals("400 MalformedXML", code(r.get(2)));
        assertTrue(r.get(3).isOk());
        assertEquals(List.of(good), r.get(4).orThrow());
        assertTrue(r.get(5).isOk());
        assertEquals("404 NoSuchLifecycleConfiguration", code(r.get(6)));
        assertEquals("404 NoSuchBucket", code(r.get(7)));
    }

    @ParameterizedTest
    @EnumSource(ConsistencyMode.class)
    void aRuleDueAt1300ActsAtTheNextMidnight_A9_4(ConsistencyMode mode) {
        ColdPath cold = ColdPath.defaults();
        LifecycleRule rule = LifecycleRule.forPrefix("ia", "").transition(30, StorageClass.STANDARD_IA);
        List<S3Result<?>> r = run(mode, cold, 32 * D, List.of(
                at(M, new S3Request.PutBucketLifecycleConfiguration(B, List.of(rule))),
                at(13 * H, put("big", 1 << 20, "STANDARD")),
                at(13 * H, put("small", 1 << 10, "STANDARD")),
                at(30 * D + 13 * H, head("big")),        // 30 days after creation: due, but not yet midnight
                at(30 * D + 23 * H + 59 * M, head("big")),
                at(31 * D + M, head("big")),
                at(31 * D + M, head("small")),
                at(31 * D + M, new S3Request.ListObjectsV2(B, ListObjectsV2Request.all()))));
        assertEquals(Optional.empty(), info(r.get(3)).storageClass());
        assertEquals(Optional.empty(), info(r.get(4)).storageClass());
        assertEquals(Optional.of(StorageClass.STANDARD_IA), info(r.get(5)).storageClass());
        assertEquals(Optional.empty(), info(r.get(6)).storageClass(), "under 128 KB: not transitioned (A9.2)");
        List<StorageClass> listed = ((ListObjectsV2Response) r.get(7).orThrow()).contents().stream()
                .map(ListEntry::storageClass).toList();
        assertEquals(List.of(StorageClass.STANDARD_IA, StorageClass.STANDARD), listed, "big, small: the listing shows classes");
        List<ColdPath.Applied> applied = cold.applied();
        assertEquals(1, applied.size(), applied.toString());
        assertEquals(new LifecycleAction.Transition("ia", StorageClass.STANDARD_IA, 31 * D), applied.get(0).action());
        assertTrue(cold.cost().gbMonths(StorageClass.STANDARD_IA) == 0, "billed when stays close");
        cold.cost().closeAt(32 * D);
        assertTrue(cold.cost().gbMonths(StorageClass.STANDARD_IA) > 0, "STANDARD_IA billed from the due midnight");
    }

    @Test
    void expirationInAVersionedBucketWritesADeleteMarkerThenNoncurrentExpirationRemovesTheOldVersion_A9_3() {
        LifecycleRule rule = LifecycleRule.forPrefix("expire", "").expiration(1).noncurrentExpiration(1);
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, ColdPath.defaults(), 5 * D, List.of(
                at(M, new S3Request.PutBucketVersioning(B, "Enabled")),
                at(2 * M, new S3Request.PutBucketLifecycleConfiguration(B, List.of(rule))),
                at(10 * H, put("k", 10, "STANDARD")),
                at(2 * D - M, get("k")),
                at(2 * D + M, get("k")),
                at(2 * D + M, new S3Request.ListObjectVersions(B, "")),
                at(4 * D + M, new S3Request.ListObjectVersions(B, ""))));
        assertTrue(r.get(3).isOk(), "before the due midnight");
        assertEquals("404 NoSuchKey", code(r.get(4)));
        assertTrue(r.get(4).failureOrThrow().deleteMarker(), "expired by a delete marker");
        List<VersionEntry> day2 = ((ListVersionsResponse) r.get(5).orThrow()).versions();
        assertEquals(2, day2.size(), day2.toString());
        assertTrue(day2.get(0).deleteMarker() && day2.get(0).isLatest());
        assertTrue(!day2.get(1).deleteMarker() && !day2.get(1).isLatest(), "the old version is kept, noncurrent");
        List<VersionEntry> day4 = ((ListVersionsResponse) r.get(6).orThrow()).versions();
        // noncurrent since the marker's write, just after day 2 00:00: one day later rounds up to day 4 (A9.4)
        assertEquals(1, day4.size(), "noncurrent for a day: removed for good: " + day4);
        assertTrue(day4.get(0).deleteMarker());
    }

    @Test
    void aNoncurrentTransitionArchivesTheOldVersionWhichRestoresByVersionIdAndStaysNoncurrent_A9_3_A10_2() {
        LifecycleRule rule = LifecycleRule.forPrefix("old-to-glacier", "").noncurrentTransition(1, StorageClass.GLACIER);
        ColdPath cold = ColdPath.defaults();
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, cold, 4 * D, List.of(
                at(M, new S3Request.PutBucketVersioning(B, "Enabled")),
                at(2 * M, new S3Request.PutBucketLifecycleConfiguration(B, List.of(rule))),
                at(10 * H, put("k", 1 << 20, "STANDARD")),
                at(11 * H, put("k", 1 << 20, "STANDARD")),
                at(2 * D + M, new S3Request.ListObjectVersions(B, "")),
                at(2 * D + 2 * M, prev -> new S3Request.HeadObject(B, "k", Optional.of(noncurrent(prev.get(4))),
                        Conditions.none())),
                at(2 * D + 3 * M, prev -> new S3Request.RestoreObject(B, "k", Optional.of(noncurrent(prev.get(4))), 1,
                        RestoreTier.EXPEDITED)),
                at(2 * D + H, prev -> new S3Request.GetObject(B, "k", Optional.of(noncurrent(prev.get(4))),
                        Conditions.none(), ByteRange.NONE)),
                at(2 * D + H, head("k"))));
        String oldId = noncurrent(r.get(4));
        List<VersionEntry> listed = ((ListVersionsResponse) r.get(4).orThrow()).versions();
        assertEquals(List.of(StorageClass.STANDARD, StorageClass.GLACIER),
                listed.stream().map(VersionEntry::storageClass).toList(), "ListObjectVersions shows each version's class");
        List<ColdPath.Applied> applied = cold.applied();
        assertEquals(1, applied.size(), applied.toString());
        assertEquals(oldId, applied.get(0).versionId(), "only the noncurrent version moves");
        // noncurrent since day 0 11:00: one day later rounds up to day 2 00:00 (A9.4)
        assertEquals(new LifecycleAction.Transition("old-to-glacier", StorageClass.GLACIER, 2 * D), applied.get(0).action());
        assertEquals(Optional.of(StorageClass.GLACIER), info(r.get(5)).storageClass());
        assertEquals(202, ((RestoreObjectResponse) r.get(6).orThrow()).status());
        assertTrue(r.get(7).isOk(), "the restored noncurrent version reads by its version ID: " + code(r.get(7)));
        ObjectInfo current = info(r.get(8));
        assertEquals(Optional.empty(), current.storageClass(), "the current version is still the newer one");
        assertTrue(!current.versionId().orElseThrow().equals(oldId));
    }

    @Test
    void expirationInAnUnversionedBucketRemovesTheObjectAndEndsItsBill_A9_3() {
        ColdPath cold = ColdPath.defaults();
        LifecycleRule rule = LifecycleRule.forPrefix("tmp", "tmp/").expiration(1);
        List<S3Result<?>> r = run(ConsistencyMode.LEGACY, cold, 3 * D, List.of(
                at(M, new S3Request.PutBucketLifecycleConfiguration(B, List.of(rule))),
                at(10 * H, put("tmp/a", 1L << 30, "STANDARD")),
                at(10 * H, put("keep/b", 10, "STANDARD")),
                at(2 * D + H, get("tmp/a")),
                at(2 * D + H, new S3Request.ListObjectVersions(B, ""))));
        assertEquals("404 NoSuchKey", code(r.get(3)));
        List<VersionEntry> left = ((ListVersionsResponse) r.get(4).orThrow()).versions();
        assertEquals(List.of("keep/b"), left.stream().map(VersionEntry::key).toList(), "only the prefix expires");
        cold.cost().closeAt(3 * D);
        // 1 GiB from day 0 10:00 until the due midnight, day 2 00:00: 38 hours
        assertEquals(38.0 / 730, cold.cost().gbMonths(StorageClass.STANDARD), 0.001);
    }

    @Test
    void anExpiredObjectDeleteMarkerIsRemovedOnceItIsTheKeysOnlyVersion_A9_3() {
        LifecycleRule rule = LifecycleRule.forPrefix("tidy", "").noncurrentExpiration(1).removeExpiredDeleteMarkers();
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, ColdPath.defaults(), 4 * D, List.of(
                at(M, new S3Request.PutBucketVersioning(B, "Enabled")),
                at(2 * M, new S3Request.PutBucketLifecycleConfiguration(B, List.of(rule))),
                at(10 * H, put("k", 10, "STANDARD")),
                at(11 * H, new S3Request.DeleteObject(B, "k", Optional.empty())),
                at(2 * D + M, new S3Request.ListObjectVersions(B, "")),
                at(3 * D + M, new S3Request.ListObjectVersions(B, "")),
                at(3 * D + M, new S3Request.PutBucketLifecycleConfiguration(B, List.of(
                        LifecycleRule.forPrefix("both", "").expiration(1).removeExpiredDeleteMarkers())))));
        List<VersionEntry> day2 = ((ListVersionsResponse) r.get(4).orThrow()).versions();
        assertEquals(1, day2.size(), "the noncurrent version expired at day 2 00:00, the marker remains: " + day2);
        assertTrue(day2.get(0).deleteMarker());
        assertEquals(List.of(), ((ListVersionsResponse) r.get(5).orThrow()).versions(),
                "the next daily run removes the marker left alone");
        assertEquals("400 InvalidArgument", code(r.get(6)), "not with expiration Days");
    }

    @Test
    void aMultipartUploadCompletesInTheClassItWasCreatedWith_A8() {
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, ColdPath.defaults(), D, List.of(
                at(H, new S3Request.CreateMultipartUpload(B, "big", Optional.of("DEEP_ARCHIVE"))),
                at(H + M, prev -> new S3Request.UploadPart(B, "big", (String) prev.get(0).orThrow(), 1,
                        Body.synthetic(1 << 20, "part-1"))),
                at(H + 2 * M, prev -> new S3Request.CompleteMultipartUpload(B, "big", (String) prev.get(0).orThrow(),
                        List.of(new CompletedPart(1, (String) prev.get(1).orThrow())), WriteConditions.none())),
                at(H + 3 * M, head("big")),
                at(H + 4 * M, get("big")),
                at(H + 5 * M, new S3Request.CreateMultipartUpload(B, "bad", Optional.of("COLD")))));
        assertTrue(r.get(2).isOk(), code(r.get(2)));
        assertEquals(Optional.of(StorageClass.DEEP_ARCHIVE), info(r.get(3)).storageClass());
        assertEquals("403 InvalidObjectState", code(r.get(4)));
        assertEquals("400 InvalidStorageClass", code(r.get(5)));
    }

    @Test
    void anAbortIncompleteUploadsRuleRemovesAnUpload_A3_4() {
        ColdPath cold = ColdPath.defaults();
        LifecycleRule rule = LifecycleRule.forPrefix("abort", "").abortIncompleteUploads(1);
        List<S3Result<?>> r = run(ConsistencyMode.STRONG, cold, 3 * D, List.of(
                at(M, new S3Request.PutBucketLifecycleConfiguration(B, List.of(rule))),
                at(10 * H, new S3Request.CreateMultipartUpload(B, "big")),
                at(D + 12 * H, new S3Request.ListMultipartUploads(B)),
                at(2 * D + M, new S3Request.ListMultipartUploads(B))));
        assertEquals(1, ((ListUploadsResponse) r.get(2).orThrow()).uploads().size());
        assertEquals(0, ((ListUploadsResponse) r.get(3).orThrow()).uploads().size(), "aborted at day 2 00:00");
        assertTrue(cold.applied().get(0).action() instanceof LifecycleAction.AbortIncompleteUpload);
    }

    @Test
    void earlyDeletionOfAGlacierObjectIsBilledForItsMinimumDuration_A8() {
        ColdPath cold = ColdPath.defaults();
        run(ConsistencyMode.STRONG, cold, 31 * D, List.of(
                at(0, put("k", 1L << 30, "GLACIER")),
                at(30 * D, new S3Request.DeleteObject(B, "k", Optional.empty()))));
        double stored = cold.cost().gbMonths(StorageClass.GLACIER);
        double early = cold.cost().earlyGbMonths(StorageClass.GLACIER);
        assertEquals(30.0 / (730.0 / 24), stored, 0.01, "30 days of 1 GiB (+ 32 KB overhead)");
        assertEquals(60.0 / (730.0 / 24), early, 0.01, "the 60 days left of GLACIER's 90-day minimum");
    }
}
