package io.faultline.sim;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Formats simulated time for people: {@code 0}, {@code 350µs}, {@code 12.5ms}, {@code 3.2s},
 * {@code 4m10s}, {@code 2h5m}, {@code 400d}. The one formatter of durations and instants in check
 * details, reports and messages; {@link io.faultline.sim.scenario.Durations} prints setting values
 * exactly (so they parse back), which rounding here would not.
 *
 * <pre>{@code
 * SimTime.format(12_500_000L); // "12.5ms"
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SimTime {
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private SimTime() {
    }

    public static String format(long nanos) {
        if (nanos < 0) {
            return "-" + format(-nanos);
        }
        if (nanos == 0) {
            return "0";
        }
        if (nanos < MICRO) {
            return nanos + "ns";
        }
        if (nanos < MILLI) {
            return decimal(nanos, MICRO) + "µs";
        }
        if (nanos < SECOND) {
            return decimal(nanos, MILLI) + "ms";
        }
        if (nanos < MINUTE) {
            return decimal(nanos, SECOND) + "s";
        }
        if (nanos < HOUR) {
            return compound(nanos, MINUTE, "m", SECOND, "s");
        }
        if (nanos < DAY) {
            return compound(nanos, HOUR, "h", MINUTE, "m");
        }
        return compound(nanos, DAY, "d", HOUR, "h");
    }

    private static String decimal(long nanos, long unit) {
        double v = (double) nanos / unit;
        String s = String.format(Locale.ROOT, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String compound(long nanos, long big, String bigName, long small, String smallName) {
        long whole = nanos / big;
        long rest = (nanos % big) / small;
        return rest == 0 ? whole + bigName : whole + bigName + rest + smallName;
    }
}
