package io.faultline.models.s3.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.WriteConditions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FIDELITY A7.2: conditional writes. */
class ConditionalWriteTest {
    private final BucketStore b = new BucketStore(() -> 5);

    @Test
    void ifNoneMatchStarWritesOnlyIfAbsentElse412_A7_2() {
        b.putObject("k", Body.of("first"), WriteConditions.ifAbsent()).orThrow();
        var f = b.putObject("k", Body.of("second"), WriteConditions.ifAbsent()).failureOrThrow();
        assertEquals(412, f.status());
        assertEquals("PreconditionFailed", f.error().code());
    }

    @Test
    void ifNoneMatchStarSucceedsOverADeleteMarker_A7_2() {
        b.putBucketVersioning("Enabled").orThrow();
        b.putObject("k", Body.of("first"), WriteConditions.none()).orThrow();
        b.deleteObject("k", Optional.empty()).orThrow();
        b.putObject("k", Body.of("again"), WriteConditions.ifAbsent()).orThrow();
    }

    @Test
    void ifMatchIsCompareAndSwap_A7_2() {
        String e1 = b.putObject("k", Body.of("v1"), WriteConditions.none()).orThrow().etag();
        String e2 = b.putObject("k", Body.of("v2"), WriteConditions.ifMatch(e1)).orThrow().etag();
        assertEquals(412, b.putObject("k", Body.of("v3"), WriteConditions.ifMatch(e1)).failureOrThrow().status());
        b.putObject("k", Body.of("v3"), WriteConditions.ifMatch(e2)).orThrow();
        assertEquals(412, b.putObject("absent", Body.of("v"), WriteConditions.ifMatch(e1)).failureOrThrow().status());
    }
}
