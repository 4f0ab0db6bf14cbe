package io.faultline.labs.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HiddenSeedsTest {
    @Test
    void theKeyDrawsTheSameSeedsEveryTimeAndAnotherKeyOthers() {
        long a = HiddenSeeds.first("course-2027", "s3-read-your-writes", "readAfterWrite");
        assertEquals(a, HiddenSeeds.first("course-2027", "s3-read-your-writes", "readAfterWrite"));
        assertNotEquals(a, HiddenSeeds.first("course-2028", "s3-read-your-writes", "readAfterWrite"));
        assertNotEquals(a, HiddenSeeds.first("course-2027", "s3-read-your-writes", "listAfterWrite"));
        assertTrue(a >= HiddenSeeds.FLOOR, "away from the public seeds: " + a);
    }
}
