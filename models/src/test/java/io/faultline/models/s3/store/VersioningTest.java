package io.faultline.models.s3.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.response.DeleteObjectResponse;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.WriteConditions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FIDELITY A6: versioning states and operation semantics by state (the oracle F4). */
class VersioningTest {
    private long now = 1_000;
    private final BucketStore b = new BucketStore(() -> now++);

    private String read(String key) {
        return ((Body.Bytes) b.getObject(key, Optional.empty(), Conditions.none(), ByteRange.NONE).orThrow().body()).utf8();
    }

    private String readVersion(String key, String vid) {
        return ((Body.Bytes) b.getObject(key, Optional.of(vid), Conditions.none(), ByteRange.NONE).orThrow().body()).utf8();
    }

    private PutObjectResponse put(String key, String v) {
        return b.putObject(key, Body.of(v), WriteConditions.none()).orThrow();
    }

    @Test
    void neverVersionedBucketReportsNoStatusAndCannotReturnToUnversioned_A6_1() {
        assertEquals(Optional.empty(), b.versioning().apiStatus());
        assertEquals(400, b.putBucketVersioning("Unversioned").failureOrThrow().status());
        b.putBucketVersioning("Enabled").orThrow();
        assertEquals(Optional.of("Enabled"), b.versioning().apiStatus());
        b.putBucketVersioning("Suspended").orThrow();
        assertEquals(Optional.of("Suspended"), b.versioning().apiStatus());
        assertEquals(400, b.putBucketVersioning("Disabled").failureOrThrow().status());
        assertEquals(VersioningState.SUSPENDED, b.versioning());
    }

    @Test
    void unversionedPutOverwritesAndDeleteRemoves_A6_2() {
        PutObjectResponse r = put("k", "one");
        assertEquals(Optional.empty(), r.versionId());
        put("k", "two");
        assertEquals("two", read("k"));
        assertEquals(1, b.state("k").versionsNewestFirst().size());
        DeleteObjectResponse d = b.deleteObject("k", Optional.empty()).orThrow();
        assertFalse(d.deleteMarker());
        assertEquals(404, b.getObject("k", Optional.empty(), Conditions.none(), ByteRange.NONE).failureOrThrow().status());
    }

    @Test
    void objectsStoredBeforeVersioningKeepVersionIdNull_A6_1() {
        put("k", "old");
        b.putBucketVersioning("Enabled").orThrow();
        PutObjectResponse r = put("k", "new");
        assertNotEquals("null", r.versionId().orElseThrow());
        assertEquals("old", readVersion("k", "null"));
        assertEquals("new", read("k"));
    }

    @Test
    void enabledPutCreatesNewUniqueVersionsThatBecomeCurrent_A6_2() {
        b.putBucketVersioning("Enabled").orThrow();
        String v1 = put("k", "one").versionId().orElseThrow();
        String v2 = put("k", "two").versionId().orElseThrow();
        assertNotEquals(v1, v2);
        assertEquals("two", read("k"));
        assertEquals("one", readVersion("k", v1));
        assertEquals(2, b.state("k").versionsNewestFirst().size());
    }

    @Test
    void enabledDeleteInsertsMarkerThenGetIs404WithDeleteMarkerHeader_A6_2() {
        b.putBucketVersioning("Enabled").orThrow();
        String v1 = put("k", "one").versionId().orElseThrow();
        DeleteObjectResponse d = b.deleteObject("k", Optional.empty()).orThrow();
        assertTrue(d.deleteMarker());
        String marker = d.versionId().orElseThrow();
        S3Failure f = b.getObject("k", Optional.empty(), Conditions.none(), ByteRange.NONE).failureOrThrow();
        assertEquals(404, f.status());
        assertEquals("NoSuchKey", f.error().code());
        assertTrue(f.deleteMarker());
        assertEquals(Optional.of(marker), f.versionId());
        assertEquals("one", readVersion("k", v1), "no data is removed");
        assertTrue(b.listObjectsV2(ListObjectsV2Request.all()).orThrow().keys().isEmpty(), "LIST hides it (A5)");
    }

    @Test
    void getOfAMarkerByVersionIdIs405WithLastModifiedAndHeader_A6_2() {
        b.putBucketVersioning("Enabled").orThrow();
        put("k", "one");
        String marker = b.deleteObject("k", Optional.empty()).orThrow().versionId().orElseThrow();
        S3Failure f = b.getObject("k", Optional.of(marker), Conditions.none(), ByteRange.NONE).failureOrThrow();
        assertEquals(405, f.status());
        assertEquals("MethodNotAllowed", f.error().code());
        assertTrue(f.deleteMarker());
        assertTrue(f.lastModified().isPresent());
        assertEquals(405, b.headObject("k", Optional.of(marker), Conditions.none()).failureOrThrow().status());
    }

    @Test
    void deleteByVersionIdIsPermanentAndTheNextNewestBecomesCurrent_A6_2() {
        b.putBucketVersioning("Enabled").orThrow();
        put("k", "one");
        String v2 = put("k", "two").versionId().orElseThrow();
        b.deleteObject("k", Optional.of(v2)).orThrow();
        assertEquals("one", read("k"));
        assertEquals(404, b.getObject("k", Optional.of(v2), Conditions.none(), ByteRange.NONE).failureOrThrow().status());
        // Removing the marker brings the object back.
        String marker = b.deleteObject("k", Optional.empty()).orThrow().versionId().orElseThrow();
        DeleteObjectResponse d = b.deleteObject("k", Optional.of(marker)).orThrow();
        assertTrue(d.deleteMarker());
        assertEquals("one", read("k"));
    }

    @Test
    void suspendedPutOverwritesOnlyTheNullVersion_A6_2() {
        b.putBucketVersioning("Enabled").orThrow();
        String v1 = put("k", "enabled-1").versionId().orElseThrow();
        b.putBucketVersioning("Suspended").orThrow();
        assertEquals(Optional.of("null"), put("k", "null-a").versionId());
        put("k", "null-b");
        assertEquals("null-b", read("k"));
        assertEquals("null-b", readVersion("k", "null"));
        assertEquals("enabled-1", readVersion("k", v1), "non-null versions are kept");
        assertEquals(2, b.state("k").versionsNewestFirst().size());
    }

    @Test
    void suspendedDeleteReplacesNullVersionByANullMarker_A6_2() {
        b.putBucketVersioning("Enabled").orThrow();
        String v1 = put("k", "enabled-1").versionId().orElseThrow();
        b.putBucketVersioning("Suspended").orThrow();
        put("k", "null-a");
        DeleteObjectResponse d = b.deleteObject("k", Optional.empty()).orThrow();
        assertTrue(d.deleteMarker());
        assertEquals(Optional.of("null"), d.versionId());
        List<KeyState.Current> versions = b.state("k").versionsNewestFirst();
        assertEquals(2, versions.size(), "the null object is gone, replaced by the null marker");
        assertTrue(versions.get(0).slot() instanceof Slot.DeleteMarker);
        assertEquals("null", versions.get(0).versionId());
        assertEquals("enabled-1", readVersion("k", v1));
    }

    @Test
    void suspendedDeleteWithoutNullVersionOnlyInsertsTheMarker_A6_2() {
        b.putBucketVersioning("Enabled").orThrow();
        put("k", "enabled-1");
        b.putBucketVersioning("Suspended").orThrow();
        b.deleteObject("k", Optional.empty()).orThrow();
        assertEquals(2, b.state("k").versionsNewestFirst().size());
    }

    @Test
    void onlyListObjectVersionsShowsNoncurrentVersionsAndMarkers_A5_A6_2() {
        b.putBucketVersioning("Enabled").orThrow();
        put("k", "one");
        put("k", "two");
        b.deleteObject("k", Optional.empty()).orThrow();
        put("z", "other");
        var versions = b.listObjectVersions("");
        assertEquals(4, versions.size());
        assertTrue(versions.get(0).deleteMarker());
        assertTrue(versions.get(0).isLatest());
        assertFalse(versions.get(1).isLatest());
        assertEquals("z", versions.get(3).key());
        assertEquals(List.of("z"), b.listObjectsV2(ListObjectsV2Request.all()).orThrow().keys());
    }

    @Test
    void copyMakesANewObjectWithMd5Etag_A3_3() {
        put("src", "payload");
        PutObjectResponse r = b.copyObject("src", Optional.empty(), "dst").orThrow();
        assertEquals(Body.of("payload").etag(), r.etag());
        assertEquals("payload", read("dst"));
        assertEquals(404, b.copyObject("missing", Optional.empty(), "dst2").failureOrThrow().status());
    }

    @Test
    void deleteObjectsReportsPerKeyAndRejectsMoreThan1000() {
        put("a", "1");
        put("b", "2");
        assertEquals(2, b.deleteObjects(List.of("a", "b")).orThrow().size());
        assertEquals(404, b.getObject("a", Optional.empty(), Conditions.none(), ByteRange.NONE).failureOrThrow().status());
        assertEquals("MalformedXML", b.deleteObjects(java.util.Collections.nCopies(1001, "x")).failureOrThrow().error().code());
    }
}
