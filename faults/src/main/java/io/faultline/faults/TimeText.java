package io.faultline.faults;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Virtual durations as people write them in schedule files and read them in reports: {@code 250ms},
 * {@code 1.5s}, {@code 2m}, {@code 40us}, {@code 7ns}. Values are nanoseconds.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TimeText {
    private TimeText() {
    }

    /** Formats nanoseconds with the largest unit that keeps the value exact, e.g. {@code 1.5s}. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        if (n % 60_000_000_000L == 0) {
            return sign + n / 60_000_000_000L + "m";
        }
        if (n >= 1_000_000_000L) {
            return sign + decimal(n, 1_000_000_000L) + "s";
        }
        if (n >= 1_000_000L) {
            return sign + decimal(n, 1_000_000L) + "ms";
        }
        if (n >= 1_000L) {
            return sign + decimal(n, 1_000L) + "us";
        }
        return sign + n + "ns";
    }

    private static String decimal(long n, long unit) {
        long whole = n / unit;
        long frac = n % unit;
        if (frac == 0) {
            return Long.toString(whole);
        }
        String digits = Long.toString(unit + frac).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }

    /** Parses a duration such as {@code 1.5s}; empty if it is not a number followed by a unit. */
    public static Optional<Long> parse(String text) {
        String t = text.trim();
        int i = 0;
        if (i < t.length() && t.charAt(i) == '-') {
            i++;
        }
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        String number = t.substring(0, i);
        String unit = t.substring(i);
        long scale;
        switch (unit) {
            case "ns": scale = 1L; break;
            case "us": scale = 1_000L; break;
            case "ms": scale = 1_000_000L; break;
            case "s": scale = 1_000_000_000L; break;
            case "m": scale = 60_000_000_000L; break;
            default: return Optional.empty();
        }
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(number).multiply(java.math.BigDecimal.valueOf(scale));
            return Optional.of(value.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
