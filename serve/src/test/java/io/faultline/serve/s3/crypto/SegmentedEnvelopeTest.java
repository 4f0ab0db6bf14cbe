package io.faultline.serve.s3.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Segments seal and open alone: any range opens from the segments it covers, and only under the right key and place. */
class SegmentedEnvelopeTest {
    private static final int SEG = SegmentedEnvelope.SEGMENT_BYTES;
    private static final WrappedKey WRAPPED = new WrappedKey("master", 1, new byte[12], new byte[48]);
    private final byte[] key = new Random(7).ints(32, 0, 256).collect(ByteArrayOutputStream::new,
            (b, i) -> b.write(i), (a, b) -> a.writeBytes(b.toByteArray())).toByteArray();

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private byte[] seal(byte[] plaintext) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentedEnvelope.seal(Sse.Mode.SSE_S3, WRAPPED, key, new ByteArrayInputStream(plaintext), plaintext.length, out);
        return out.toByteArray();
    }

    private static byte[] open(byte[] sealed, byte[] key, long first, long last) throws Exception {
        SegmentedEnvelope.Header h = SegmentedEnvelope.header(new ByteArrayInputStream(sealed));
        ByteArrayInputStream in = new ByteArrayInputStream(sealed);
        in.skipNBytes(SegmentedEnvelope.segmentStart(h, first));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentedEnvelope.open(h, key, in, first, last, out);
        return out.toByteArray();
    }

    @Test
    void everyRangeOpensToThoseBytesOfThePlaintext() throws Exception {
        for (int size : new int[] {1, SEG - 1, SEG, SEG + 1, 3 * SEG + 5}) {
            byte[] plain = bytes(size);
            byte[] sealed = seal(plain);
            assertEquals(Sse.Mode.SSE_S3, SegmentedEnvelope.header(new ByteArrayInputStream(sealed)).mode());
            long[][] ranges = {{0, size - 1}, {0, 0}, {size - 1, size - 1}, {Math.min(SEG - 1, size - 1), Math.min(SEG, size - 1)},
                    {size / 3, 2L * size / 3}};
            for (long[] r : ranges) {
                assertArrayEquals(Arrays.copyOfRange(plain, (int) r[0], (int) r[1] + 1), open(sealed, key, r[0], r[1]),
                        "size " + size + ", bytes " + r[0] + "-" + r[1]);
            }
        }
    }

    @Test
    void aWrongKeyOrASegmentMovedElsewhereDoesNotOpen() throws Exception {
        byte[] plain = bytes(2 * SEG);
        byte[] sealed = seal(plain);
        byte[] other = key.clone();
        other[0] ^= 1;
        assertThrows(Aes.WrongKey.class, () -> open(sealed, other, 0, 10));
        int start = (int) SegmentedEnvelope.segmentStart(SegmentedEnvelope.header(new ByteArrayInputStream(sealed)), 0);
        int length = SEG + 16;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, start + length, swapped, start, length);
        System.arraycopy(sealed, start, swapped, start + length, length);
        assertThrows(Aes.WrongKey.class, () -> open(swapped, key, 0, 10), "segment 1 does not open as segment 0");
    }
}
