package io.faultline.report.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks tick positions for a simulated-time axis: round steps (1, 2, 5 times a power of ten below a
 * minute, then minutes, hours and days) so that labels read as {@code 10s}, {@code 2m}, {@code 6h}.
 */
final class TimeAxis {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final List<Long> STEPS = steps();

    private TimeAxis() {
    }

    /** Ticks from 0 to {@code span} inclusive of 0, at most about {@code target} of them. */
    static List<Long> ticks(long span, int target) {
        long step = STEPS.get(STEPS.size() - 1);
        for (long candidate : STEPS) {
            if (span / candidate <= target) {
                step = candidate;
                break;
            }
        }
        List<Long> ticks = new ArrayList<>();
        for (long t = 0; t <= span && ticks.size() <= target * 2; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    private static List<Long> steps() {
        List<Long> steps = new ArrayList<>();
        for (long p = 1; p < 10 * SECOND; p *= 10) {
            steps.add(p);
            steps.add(2 * p);
            steps.add(5 * p);
        }
        for (long s : new long[] {10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE,
            10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY,
            2 * DAY, 5 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 60 * DAY, 90 * DAY, 180 * DAY, 365 * DAY,
            730 * DAY, 1825 * DAY, 3650 * DAY}) {
            steps.add(s);
        }
        return steps;
    }
}
