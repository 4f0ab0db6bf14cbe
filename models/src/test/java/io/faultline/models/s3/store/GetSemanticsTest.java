package io.faultline.models.s3.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.WriteConditions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FIDELITY A4 and A7.1 applied by GetObject and HeadObject; A2 size limits. */
class GetSemanticsTest {
    private long now = 1_000;
    private final BucketStore b = new BucketStore(() -> now);

    @Test
    void rangedGetIs206WithContentRangeAndTheBytes_A4() {
        b.putObject("k", Body.of("0123456789"), WriteConditions.none()).orThrow();
        GetObjectResponse r = b.getObject("k", Optional.empty(), Conditions.none(), ByteRange.parse("bytes=2-4")).orThrow();
        assertEquals(206, r.status());
        assertEquals(Optional.of("bytes 2-4/10"), r.contentRange());
        assertEquals("234", ((Body.Bytes) r.body()).utf8());
        assertEquals(10, r.info().size());
    }

    @Test
    void unsatisfiableRangeIs416InvalidRange_A4() {
        b.putObject("k", Body.of("0123456789"), WriteConditions.none()).orThrow();
        var f = b.getObject("k", Optional.empty(), Conditions.none(), ByteRange.parse("bytes=10-")).failureOrThrow();
        assertEquals(416, f.status());
        assertEquals("InvalidRange", f.error().code());
    }

    @Test
    void missingKeyIs404NoSuchKey_A6_2() {
        var f = b.getObject("nope", Optional.empty(), Conditions.none(), ByteRange.NONE).failureOrThrow();
        assertEquals(404, f.status());
        assertEquals("NoSuchKey", f.error().code());
    }

    @Test
    void conditionalGetAndHead_A7_1() {
        String etag = b.putObject("k", Body.of("v"), WriteConditions.none()).orThrow().etag();
        assertEquals(304, b.getObject("k", Optional.empty(), Conditions.none().ifNoneMatch(etag), ByteRange.NONE)
                .failureOrThrow().status());
        assertEquals(412, b.headObject("k", Optional.empty(), Conditions.none().ifMatch("nope")).failureOrThrow().status());
        assertEquals(200, b.getObject("k", Optional.empty(), Conditions.none().ifMatch(etag), ByteRange.NONE).orThrow().status());
    }

    @Test
    void singlePutAbove5GbIsEntityTooLarge_A2() {
        var f = b.putObject("big", Body.synthetic((5L << 30) + 1, "big"), WriteConditions.none()).failureOrThrow();
        assertEquals("EntityTooLarge", f.error().code());
        assertEquals(400, f.status());
        assertEquals(5L << 30, b.putObject("big", Body.synthetic(5L << 30, "big"), WriteConditions.none())
                .map(r -> b.headObject("big", Optional.empty(), Conditions.none()).orThrow().size()).orThrow());
    }

    @Test
    void invalidKeysGetErrorsNotExceptions_A2() {
        assertEquals(400, b.putObject("x".repeat(1025), Body.of("v"), WriteConditions.none()).failureOrThrow().status());
        assertEquals(400, b.getObject("", Optional.empty(), Conditions.none(), ByteRange.NONE).failureOrThrow().status());
    }
}
