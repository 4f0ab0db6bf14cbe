package io.faultline.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link Tenths} writes what {@code String.format(Locale.ROOT, "%.1f", v)} wrote before it. */
class TenthsTest {

    private static String formatter(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Test
    void sameTextAsTheFormatter() {
        Gen<Double> values = Gen.oneOf(
                Gen.doubles(-5000, 5000),
                // Exact tenths and the half-way cases (0.05, 1.45, ...), where rounding could differ.
                Gen.longs(-200_000, 200_000).map(n -> n / 20.0),
                Gen.longs(-2_000_000, 2_000_000).map(n -> n / 1000.0),
                Gen.doubles(-1, 1).map(d -> d * 1e-3),
                Gen.doubles(1e12, 1e17),
                Gen.elements(0.0, -0.0, -0.04, 0.05, 0.15, 0.25, 2.675, 1e-320, Double.MIN_VALUE, Double.MAX_VALUE,
                        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Property.forAll(values).tries(20_000).verify(v -> assertEquals(formatter(v), Tenths.of(v), () -> "for " + v));
    }
}
