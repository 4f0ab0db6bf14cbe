package io.faultline.report.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apiguardian.api.API;

/**
 * A number with one decimal, the text {@code String.format(Locale.ROOT, "%.1f", v)} gives, for the
 * coordinates of the reports' drawings. Not through {@link java.util.Formatter}: a run's message
 * flow formats thousands of coordinates, and the formatter, cold in a one-run process, made a large
 * part of {@code run demo/echo}'s report time (bench/README.md, "Start-up"). The same digits as the
 * formatter: it too rounds the shortest decimal form of the double ({@link Double#toString}) half up.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Tenths {
    private Tenths() {
    }

    public static String of(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        // The sign apart, as the formatter keeps it on a value that rounds to zero ("-0.0").
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        String digits = new BigDecimal(Double.toString(Math.abs(v))).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return negative ? "-" + digits : digits;
    }
}
