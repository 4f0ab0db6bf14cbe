package io.faultline.checker.wgl;

/**
 * The set of (linearized-operations bitset, state) pairs already explored. Open addressing on a
 * 64-bit hash the search maintains incrementally (Zobrist), so that a lookup costs one array
 * compare only on a full-hash match.
 */
final class ConfigCache {
    private long[] hashes = new long[1024];
    private long[][] bits = new long[1024][];
    private int[] states = new int[1024];
    private int size;

    /** Adds a copy of {@code set} with {@code state}; false when already present. */
    boolean add(long[] set, long setHash, int state) {
        long h = setHash ^ (state * 0xC2B2AE3D27D4EB4FL);
        if (2 * (size + 1) > hashes.length) {
            grow();
        }
        int mask = hashes.length - 1;
        int i = spread(h) & mask;
        while (bits[i] != null) {
            if (hashes[i] == h && states[i] == state && java.util.Arrays.equals(bits[i], set)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        bits[i] = set.clone();
        states[i] = state;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private static int spread(long h) {
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private void grow() {
        long[] oh = hashes;
        long[][] ob = bits;
        int[] os = states;
        int cap = oh.length * 2;
        hashes = new long[cap];
        bits = new long[cap][];
        states = new int[cap];
        int mask = cap - 1;
        for (int j = 0; j < oh.length; j++) {
            if (ob[j] != null) {
                int i = spread(oh[j]) & mask;
                while (bits[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oh[j];
                bits[i] = ob[j];
                states[i] = os[j];
            }
        }
    }
}
