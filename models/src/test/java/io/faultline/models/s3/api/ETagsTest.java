package io.faultline.models.s3.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FIDELITY A3.3: ETag algorithms. */
class ETagsTest {

    @Test
    void singlePutEtagIsHexMd5OfTheBytes_A3_3() {
        // MD5("hello") is a well-known vector.
        assertEquals("5d41402abc4b2a76b9719d911017c592", Body.of("hello").etag());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", Body.empty().etag());
    }

    @Test
    void multipartEtagIsMd5OfConcatenatedBinaryPartDigestsDashN_A3_3() {
        byte[] p1 = ETags.md5("part one".getBytes(StandardCharsets.UTF_8));
        byte[] p2 = ETags.md5("part two".getBytes(StandardCharsets.UTF_8));
        byte[] concat = new byte[32];
        System.arraycopy(p1, 0, concat, 0, 16);
        System.arraycopy(p2, 0, concat, 16, 16);
        String expected = ETags.hex(ETags.md5(concat)) + "-2";
        assertEquals(expected, ETags.multipart(List.of(p1, p2)));
        // Not the MD5 of the hex strings nor of the whole content.
        assertNotEquals(Body.of("part onepart two").etag() + "-2", ETags.multipart(List.of(p1, p2)));
    }

    @Test
    void etagComparisonIgnoresQuotesAndCase() {
        assertTrue(ETags.same("\"5D41402ABC4B2A76B9719D911017C592\"", "5d41402abc4b2a76b9719d911017c592"));
    }

    @Test
    void syntheticBodiesHaveStableDistinctEtags() {
        assertEquals(Body.synthetic(5L << 30, "a").etag(), Body.synthetic(5L << 30, "a").etag());
        assertNotEquals(Body.synthetic(5L << 30, "a").etag(), Body.synthetic(5L << 30, "b").etag());
        assertEquals(10, Body.synthetic(5L << 30, "a").slice(0, 9).size());
    }
}
