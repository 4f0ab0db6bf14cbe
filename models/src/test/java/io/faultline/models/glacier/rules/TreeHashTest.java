package io.faultline.models.glacier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FIDELITY B1 "Integrity": 1 MiB leaves, pairwise SHA-256 up the tree, odd node carried up. */
class TreeHashTest {
    private static byte[] data(int size) {
        byte[] d = new byte[size];
        for (int i = 0; i < size; i++) {
            d[i] = (byte) ((i * 31L + 7) % 251);
        }
        return d;
    }

    @Test
    void underOneMebibyteTheTreeHashIsThePlainSha256() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                TreeHash.hex(TreeHash.of("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    @Test
    void threeAndAHalfMebibytesMatchAnIndependentImplementation() {
        // computed with a separate Python implementation of the documented algorithm
        assertEquals("422ee3b6f1d333649eb6dc0240122d37b70bb468d42418678371279dfa0119fe",
                TreeHash.hex(TreeHash.of(data(3 * TreeHash.CHUNK + TreeHash.CHUNK / 2))));
    }

    @Test
    void theArchiveHashIsTheCombinationOfAlignedPartHashes() {
        byte[] whole = data(5 * TreeHash.CHUNK + 1234);
        for (int partMib : new int[] {1, 2, 4}) {
            int part = partMib * TreeHash.CHUNK;
            List<byte[]> parts = new ArrayList<>();
            for (int off = 0; off < whole.length; off += part) {
                parts.add(TreeHash.of(Arrays.copyOfRange(whole, off, Math.min(whole.length, off + part))));
            }
            assertEquals(TreeHash.hex(TreeHash.of(whole)), TreeHash.hex(TreeHash.combine(parts)), "part " + partMib + " MiB");
        }
    }

    @Test
    void oneChangedByteChangesTheHash() {
        byte[] a = data(2 * TreeHash.CHUNK + 5);
        byte[] b = a.clone();
        b[TreeHash.CHUNK + 3] ^= 1;
        assertNotEquals(TreeHash.hex(TreeHash.of(a)), TreeHash.hex(TreeHash.of(b)));
    }
}
