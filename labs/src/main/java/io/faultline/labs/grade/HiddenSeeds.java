package io.faultline.labs.grade;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where a test's hidden seeds start: a digest of the grading key, the lab and the test, so the
 * same key always draws the same seeds (the same directory gets the same score) while a student
 * without the course's key cannot know them in advance.
 */
final class HiddenSeeds {
    /** Hidden seeds start at or above this, away from the public seeds 1, 2, 3... */
    static final long FLOOR = 1_000_000L;

    private HiddenSeeds() {
    }

    static long first(String key, String lab, String test) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((key + "\n" + lab + "\n" + test).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return FLOOR + Math.floorMod(v, 1_000_000_000_000L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
