package io.faultline.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on the command line: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
final class DurationText {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})(ns|us|ms|s|m|h)");

    private DurationText() {
    }

    /** The duration, or {@link ExitCodes.BadInput} naming the option and the accepted forms. */
    static Duration parse(String option, String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new ExitCodes.BadInput(option + ": '" + text + "' is not a duration (a positive integer and a unit:"
                    + " ns, us, ms, s, m or h, e.g. 500ms, 10s, 2m)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(n);
            case "us" -> Duration.ofNanos(n * 1_000);
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.isZero()) {
            throw new ExitCodes.BadInput(option + ": '" + text + "' must be more than zero");
        }
        return d;
    }
}
