package io.faultline.models.s3.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.faultline.models.s3.api.ByteRange.MultiRange;
import org.junit.jupiter.api.Test;

/** FIDELITY A4: Range GET, one range, RFC 9110 semantics. */
class ByteRangeTest {

    private static ByteRange.Resolved r(String header, long size) {
        return ByteRange.parse(header).resolve(size, MultiRange.IGNORE);
    }

    @Test
    void closedRangeIsPartialWithContentRange_A4() {
        ByteRange.Partial p = (ByteRange.Partial) r("bytes=0-9", 100);
        assertEquals("bytes 0-9/100", p.contentRange());
        assertEquals(10, p.length());
    }

    @Test
    void lastBeyondSizeIsTruncatedToSizeMinusOne_A4() {
        assertEquals(new ByteRange.Partial(90, 99, 100), r("bytes=90-500", 100));
    }

    @Test
    void openRangeReadsToTheEnd_A4() {
        assertEquals(new ByteRange.Partial(40, 99, 100), r("bytes=40-", 100));
    }

    @Test
    void suffixRangeReadsTheLastNBytesOrTheWholeObject_A4() {
        assertEquals(new ByteRange.Partial(95, 99, 100), r("bytes=-5", 100));
        assertEquals(new ByteRange.Partial(0, 99, 100), r("bytes=-500", 100));
    }

    @Test
    void firstAtOrPastSizeIsUnsatisfiable416_A4() {
        assertInstanceOf(ByteRange.Unsatisfiable.class, r("bytes=100-200", 100));
        assertInstanceOf(ByteRange.Unsatisfiable.class, r("bytes=0-0", 0));
        assertInstanceOf(ByteRange.Unsatisfiable.class, r("bytes=-0", 10));
    }

    @Test
    void multiRangeIsIgnoredByDefaultAndRejectableByKnob_A4_E3() {
        assertInstanceOf(ByteRange.Whole.class, r("bytes=0-1,5-6", 100));
        assertInstanceOf(ByteRange.Unsatisfiable.class,
                ByteRange.parse("bytes=0-1,5-6").resolve(100, MultiRange.REJECT));
    }

    @Test
    void malformedHeaderIsIgnoredAsRfc9110Says_A4() {
        assertInstanceOf(ByteRange.Whole.class, r("bytes=x-y", 100));
        assertInstanceOf(ByteRange.Whole.class, r("items=0-5", 100));
        assertInstanceOf(ByteRange.Whole.class, r("bytes=9-3", 100));
    }
}
