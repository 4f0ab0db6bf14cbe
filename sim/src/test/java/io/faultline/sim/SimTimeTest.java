package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SimTimeTest {
    @Test
    void formatsEachScaleInItsUnit() {
        assertEquals("0", SimTime.format(0));
        assertEquals("750ns", SimTime.format(750));
        assertEquals("350µs", SimTime.format(350_000));
        assertEquals("12.5ms", SimTime.format(12_500_000));
        assertEquals("3.2s", SimTime.format(3_200_000_000L));
        assertEquals("4m10s", SimTime.format(250_000_000_000L));
        assertEquals("2h", SimTime.format(7_200_000_000_000L));
        assertEquals("400d", SimTime.format(400L * 86_400_000_000_000L));
    }
}
