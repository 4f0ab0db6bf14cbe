package io.faultline.sim.scenario;

import io.faultline.sim.BadInputException;
import io.faultline.sim.Simulation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Parses and prints virtual durations: a whole number and a unit, {@code ns us ms s m h d}.
 *
 * <pre>{@code
 * Durations.parse("250ms");   // 250_000_000
 * Durations.parse("400d");    // 400 days
 * Durations.format(90 * Simulation.SECONDS);   // "90s"
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})(ns|us|ms|s|m|h|d)");
    private static final String[] UNITS = {"d", "h", "m", "s", "ms", "us", "ns"};
    private static final long[] SIZES = {Simulation.DAYS, Simulation.HOURS, Simulation.MINUTES,
        Simulation.SECONDS, Simulation.MILLIS, Simulation.MICROS, Simulation.NANOS};

    private Durations() {
    }

    /** Nanoseconds of {@code text}; a {@link BadInputException} names the text and the format. */
    public static long parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new BadInputException("'" + text + "' is not a duration; use a whole number and a unit"
                    + " (ns, us, ms, s, m, h, d), e.g. 250ms, 30s, 10m, 2h, 400d");
        }
        long n = Long.parseLong(m.group(1));
        long unit = SIZES[indexOf(m.group(2))];
        if (n > Long.MAX_VALUE / unit) {
            throw new BadInputException("'" + text + "' is too long a duration");
        }
        return n * unit;
    }

    /** The largest unit that divides {@code nanos} exactly, e.g. {@code 90s}, {@code 1500ms}. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (nanos % SIZES[i] == 0) {
                return (nanos / SIZES[i]) + UNITS[i];
            }
        }
        return nanos + "ns";
    }

    private static int indexOf(String unit) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                return i;
            }
        }
        throw new IllegalArgumentException(unit);
    }
}
