package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StreamHashTest {
    /** Feeds {@code bytes} in chunks of {@code chunk}, keeping the unabsorbed tail as the trace does. */
    private static String hash(byte[] bytes, int chunk) {
        StreamHash h = new StreamHash();
        byte[] buf = new byte[chunk + StreamHash.BLOCK];
        int pos = 0;
        for (int off = 0; off < bytes.length; off += chunk) {
            int n = Math.min(chunk, bytes.length - off);
            System.arraycopy(bytes, off, buf, pos, n);
            pos += n;
            int used = h.absorb(buf, pos);
            System.arraycopy(buf, used, buf, 0, pos - used);
            pos -= used;
        }
        return h.hex(buf, pos);
    }

    private static byte[] sample(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @Test
    void theHashDependsOnTheBytesNotOnHowTheyWereBuffered() {
        byte[] bytes = sample(1000);
        String whole = hash(bytes, 1000);
        assertEquals(64, whole.length());
        for (int chunk : new int[] {1, 7, 32, 33, 100, 999}) {
            assertEquals(whole, hash(bytes, chunk), "chunks of " + chunk);
        }
    }

    @Test
    void flippingAnyBitOrChangingTheLengthChangesTheHash() {
        byte[] bytes = sample(200);
        Set<String> seen = new HashSet<>();
        seen.add(hash(bytes, 64));
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= (byte) (1 << bit);
                seen.add(hash(flipped, 64));
            }
        }
        assertEquals(1 + 200 * 8, seen.size(), "every single-bit change gives its own hash");
        assertNotEquals(hash(bytes, 64), hash(Arrays.copyOf(bytes, 201), 64), "a trailing zero byte counts");
        assertNotEquals(hash(new byte[32], 64), hash(new byte[64], 64), "a zero block counts");
    }
}
