package io.faultline.models.s3.cold;

import io.faultline.sim.Simulation;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Virtual time as UTC calendar time for the cold path. Virtual time 0 is midnight UTC of
 * {@link #EPOCH} (a fixed date, never the wall clock), so "the next 00:00 UTC" of FIDELITY A9.4
 * and A10.2 is the next multiple of a day.
 *
 * <pre>{@code
 * long due = UtcTime.nextMidnight(created + 3 * Simulation.DAYS);   // A9.4: rounded up
 * String h = UtcTime.httpDate(due);                                 // "Sun, 04 Jan 2026 00:00:00 GMT"
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class UtcTime {
    /** The UTC date virtual time 0 stands for. */
    public static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 1, 0, 0);

    private static final DateTimeFormatter HTTP = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ROOT);

    private UtcTime() {
    }

    /** {@code t} rounded up to 00:00 UTC; a time already at midnight stays. */
    public static long nextMidnight(long t) {
        return Math.floorDiv(t + Simulation.DAYS - 1, Simulation.DAYS) * Simulation.DAYS;
    }

    /** A9.4: {@code from} plus {@code days}, rounded up to the next 00:00 UTC. */
    public static long dueAfterDays(long from, int days) {
        return nextMidnight(from + days * Simulation.DAYS);
    }

    /** The RFC 1123 date HTTP headers use, e.g. {@code Fri, 21 Dec 2012 00:00:00 GMT}. */
    public static String httpDate(long t) {
        long seconds = Math.floorDiv(t, Simulation.SECONDS);
        return EPOCH.plusSeconds(seconds).atOffset(ZoneOffset.UTC).format(HTTP);
    }
}
