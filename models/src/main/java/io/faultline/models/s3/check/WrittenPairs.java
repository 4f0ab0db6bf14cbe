package io.faultline.models.s3.check;

/**
 * The (key, value) pairs written so far, as 128-bit fingerprints in an open-addressing table: 32
 * bytes a pair at worst (two longs, the table at most half full) instead of a sorted set entry and
 * the value's string, which a long run of unique values would hold on the heap to its end.
 * Membership only: nothing iterates the table, so its order never shows. Two different pairs share
 * a fingerprint with probability about 2^-128; a read of a value never written would then pass as
 * written (a missed anomaly, never a false alarm).
 */
final class WrittenPairs {
    private long[] prints = new long[2 * 1024];
    private int size;

    void add(String key, String value) {
        long a = laneA(key, value);
        long b = laneB(key, value);
        if (!contains(a, b)) {
            if (2 * (size + 1) > prints.length / 2) {
                grow();
            }
            insert(prints, a, b);
            size++;
        }
    }

    boolean contains(String key, String value) {
        return contains(laneA(key, value), laneB(key, value));
    }

    private boolean contains(long a, long b) {
        int mask = prints.length / 2 - 1;
        for (int i = slot(a, mask); ; i = (i + 1) & mask) {
            long x = prints[2 * i];
            long y = prints[2 * i + 1];
            if (x == 0 && y == 0) {
                return false;
            }
            if (x == a && y == b) {
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[2 * prints.length];
        for (int i = 0; i < prints.length; i += 2) {
            if (prints[i] != 0 || prints[i + 1] != 0) {
                insert(bigger, prints[i], prints[i + 1]);
            }
        }
        prints = bigger;
    }

    private static void insert(long[] table, long a, long b) {
        int mask = table.length / 2 - 1;
        int i = slot(a, mask);
        while (table[2 * i] != 0 || table[2 * i + 1] != 0) {
            i = (i + 1) & mask;
        }
        table[2 * i] = a;
        table[2 * i + 1] = b;
    }

    private static int slot(long a, int mask) {
        return (int) (a ^ (a >>> 32)) & mask;
    }

    // Two independent 64-bit hashes of the key's length, its characters and the value's (the length
    // keeps ("ab", "c") apart from ("a", "bc")), each finished by an avalanche. Never (0, 0), which
    // marks an empty slot.

    private static long laneA(String key, String value) {
        long h = 0xCBF29CE484222325L ^ key.length();
        h = fnv(h, key, 0x100000001B3L);
        h = fnv(h, value, 0x100000001B3L);
        return avalanche(h) | 1;
    }

    private static long laneB(String key, String value) {
        long h = 0x6A09E667F3BCC909L + 31L * key.length();
        h = fnv(h, key, 0x9E3779B97F4A7C15L);
        h = fnv(h, value, 0x9E3779B97F4A7C15L);
        return avalanche(Long.rotateLeft(h, 17) ^ value.length());
    }

    private static long fnv(long h, String s, long prime) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * prime;
        }
        return h;
    }

    private static long avalanche(long h) {
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
