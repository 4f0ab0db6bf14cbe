package io.faultline.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeTextTest {
    @Test
    void formatsWithTheLargestExactUnit() {
        assertEquals("1.5s", TimeText.format(1_500_000_000L));
        assertEquals("2m", TimeText.format(120_000_000_000L));
        assertEquals("250ms", TimeText.format(250_000_000L));
        assertEquals("1.000001s", TimeText.format(1_000_001_000L));
        assertEquals("-40us", TimeText.format(-40_000L));
        assertEquals("7ns", TimeText.format(7));
        assertEquals("0s", TimeText.format(0));
    }

    @Test
    void parsesWhatItFormats() {
        for (long n : new long[] {0, 7, 40_000, 1_500_000_000L, 120_000_000_000L, 1_000_001_000L, -250_000_000L, 90_000_000_000L}) {
            assertEquals(Optional.of(n), TimeText.parse(TimeText.format(n)), () -> "round trip of " + n);
        }
    }

    @Test
    void rejectsNumbersWithoutAUnitAndFractionsOfANanosecond() {
        assertTrue(TimeText.parse("100").isEmpty());
        assertTrue(TimeText.parse("1.5ns").isEmpty());
        assertTrue(TimeText.parse("s").isEmpty());
        assertTrue(TimeText.parse("3 sec").isEmpty());
    }
}
