package io.faultline.models.s3.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.WriteConditions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bucket operations and FIDELITY A2 (buckets per account), A15 error codes. */
class BucketsTest {
    private final Buckets account = new Buckets(() -> 1, 3);

    @Test
    void createHeadListDelete() {
        account.createBucket("photos").orThrow();
        account.createBucket("logs").orThrow();
        assertEquals(List.of("logs", "photos"), account.listBuckets());
        account.headBucket("photos").orThrow();
        account.deleteBucket("logs").orThrow();
        assertEquals(404, account.headBucket("logs").failureOrThrow().status());
        assertEquals("NoSuchBucket", account.deleteBucket("logs").failureOrThrow().error().code());
    }

    @Test
    void accountLimitGivesTooManyBuckets_A2() {
        account.createBucket("b-1").orThrow();
        account.createBucket("b-2").orThrow();
        account.createBucket("b-3").orThrow();
        var f = account.createBucket("b-4").failureOrThrow();
        assertEquals("TooManyBuckets", f.error().code());
        assertEquals(400, f.status());
    }

    @Test
    void creatingAnOwnedBucketIs409_A15() {
        account.createBucket("mine").orThrow();
        assertEquals(409, account.createBucket("mine").failureOrThrow().status());
    }

    @Test
    void nonEmptyBucketCannotBeDeletedIncludingMarkers_A15_A6() {
        account.createBucket("b-1").orThrow();
        BucketStore b = account.bucket("b-1").orThrow();
        b.putBucketVersioning("Enabled").orThrow();
        b.putObject("k", Body.of("v"), WriteConditions.none()).orThrow();
        String v = b.state("k").current().orElseThrow().versionId();
        b.deleteObject("k", Optional.empty()).orThrow(); // marker: still not empty
        assertEquals("BucketNotEmpty", account.deleteBucket("b-1").failureOrThrow().error().code());
        b.deleteObject("k", Optional.of(v)).orThrow();
        String marker = b.state("k").current().orElseThrow().versionId();
        b.deleteObject("k", Optional.of(marker)).orThrow();
        account.deleteBucket("b-1").orThrow();
    }

    @Test
    void invalidBucketNamesAreRejectedWithAMessage() {
        for (String bad : List.of("ab", "My_Bucket", "-start", "a..b", "192.168.1.1", "x".repeat(64))) {
            assertEquals("InvalidBucketName", account.createBucket(bad).failureOrThrow().error().code(), bad);
        }
    }
}
