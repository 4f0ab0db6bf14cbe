package io.faultline.models.s3.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FIDELITY A7.1: conditional reads. */
class ConditionsTest {
    private static final String ETAG = "5d41402abc4b2a76b9719d911017c592";
    private static final long MODIFIED = 1_000;

    private static Optional<S3Error> eval(Conditions c) {
        return c.evaluate(ETAG, MODIFIED);
    }

    @Test
    void ifMatchFalseIs412_A7_1() {
        assertEquals(Optional.of(S3Error.PRECONDITION_FAILED), eval(Conditions.none().ifMatch("other")));
        assertEquals(Optional.empty(), eval(Conditions.none().ifMatch("\"" + ETAG + "\"")));
    }

    @Test
    void ifNoneMatchFalseIs304_A7_1() {
        assertEquals(Optional.of(S3Error.NOT_MODIFIED), eval(Conditions.none().ifNoneMatch(ETAG)));
        assertEquals(Optional.empty(), eval(Conditions.none().ifNoneMatch("other")));
    }

    @Test
    void ifModifiedSinceFalseIs304_A7_1() {
        assertEquals(Optional.of(S3Error.NOT_MODIFIED), eval(Conditions.none().ifModifiedSince(MODIFIED)));
        assertEquals(Optional.empty(), eval(Conditions.none().ifModifiedSince(MODIFIED - 1)));
    }

    @Test
    void ifUnmodifiedSinceFalseIs412_A7_1() {
        assertEquals(Optional.of(S3Error.PRECONDITION_FAILED), eval(Conditions.none().ifUnmodifiedSince(MODIFIED - 1)));
        assertEquals(Optional.empty(), eval(Conditions.none().ifUnmodifiedSince(MODIFIED)));
    }

    @Test
    void ifMatchTrueWinsOverIfUnmodifiedSinceFalse_A7_1() {
        assertEquals(Optional.empty(), eval(Conditions.none().ifMatch(ETAG).ifUnmodifiedSince(MODIFIED - 1)));
    }

    @Test
    void ifNoneMatchFalseWithIfModifiedSinceTrueIs304_A7_1() {
        assertEquals(Optional.of(S3Error.NOT_MODIFIED),
                eval(Conditions.none().ifNoneMatch(ETAG).ifModifiedSince(MODIFIED - 1)));
    }
}
