package io.faultline.sim.scenario;

import io.faultline.sim.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A typed, documented configuration key of a scenario, with its default and allowed values; parses
 * user text with one-line errors naming the key and what is allowed.
 *
 * <pre>{@code
 * static final Setting<Integer> NODES = Setting.ofInt("nodes", 5, 1, 100, "servers in the cluster");
 * static final Setting<Consistency> CONSISTENCY =
 *         Setting.ofEnum("s3.consistency", Consistency.class, Consistency.STRONG, "read-after-write model");
 * static final Setting<Long> HEAL = Setting.ofDuration("heal", 10 * Simulation.SECONDS, 0, Simulation.HOURS, "...");
 * int n = settings.get(NODES);
 * }</pre>
 *
 * @param <T> the value type
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Setting<T> {
    private final String key;
    private final String description;
    private final T defaultValue;
    private final String allowed;
    private final Function<String, T> parser;
    private final Function<T, String> printer;

    private Setting(String key, String description, T defaultValue, String allowed,
            Function<String, T> parser, Function<T, String> printer) {
        this.key = Objects.requireNonNull(key);
        this.description = Objects.requireNonNull(description);
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.allowed = allowed;
        this.parser = parser;
        this.printer = printer;
    }

    /** An integer in {@code [min, max]}. */
    public static Setting<Integer> ofInt(String key, int defaultValue, int min, int max, String description) {
        return new Setting<>(key, description, defaultValue, min + ".." + max, text -> {
            long v = parseLong(key, text, "an integer");
            if (v < min || v > max) {
                throw outOfRange(key, text, min + ".." + max);
            }
            return (int) v;
        }, String::valueOf);
    }

    /** A long in {@code [min, max]}. */
    public static Setting<Long> ofLong(String key, long defaultValue, long min, long max, String description) {
        return new Setting<>(key, description, defaultValue, min + ".." + max, text -> {
            long v = parseLong(key, text, "an integer");
            if (v < min || v > max) {
                throw outOfRange(key, text, min + ".." + max);
            }
            return v;
        }, String::valueOf);
    }

    /** A number in {@code [min, max]} (e.g. a probability in 0..1). */
    public static Setting<Double> ofDouble(String key, double defaultValue, double min, double max,
            String description) {
        return new Setting<>(key, description, defaultValue, min + ".." + max, text -> {
            double v;
            try {
                v = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(key + ": '" + text + "' is not a number");
            }
            if (!(v >= min && v <= max)) {
                throw outOfRange(key, text, min + ".." + max);
            }
            return v;
        }, String::valueOf);
    }

    /** {@code true} or {@code false}. */
    public static Setting<Boolean> ofBoolean(String key, boolean defaultValue, String description) {
        return new Setting<>(key, description, defaultValue, "true, false", text -> {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return true;
            }
            if (t.equals("false")) {
                return false;
            }
            throw new BadInputException(key + ": '" + text + "' is not one of true, false");
        }, String::valueOf);
    }

    /** One of an enum's constants, written in lower case with dashes ({@code READ_COMMITTED} is {@code read-committed}). */
    public static <E extends Enum<E>> Setting<E> ofEnum(String key, Class<E> type, E defaultValue, String description) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(enumName(e));
        }
        String allowed = String.join(", ", names);
        return new Setting<>(key, description, defaultValue, allowed, text -> {
            for (E e : type.getEnumConstants()) {
                if (enumName(e).equals(text.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    return e;
                }
            }
            throw new BadInputException(key + ": '" + text + "' is not one of " + allowed);
        }, Setting::enumName);
    }

    /** A duration (see {@link Durations}) in {@code [minNanos, maxNanos]}, held in nanoseconds. */
    public static Setting<Long> ofDuration(String key, long defaultNanos, long minNanos, long maxNanos,
            String description) {
        String range = Durations.format(minNanos) + ".." + Durations.format(maxNanos);
        return new Setting<>(key, description, defaultNanos, range, text -> {
            long v;
            try {
                v = Durations.parse(text);
            } catch (BadInputException e) {
                throw new BadInputException(key + ": " + e.getMessage());
            }
            if (v < minNanos || v > maxNanos) {
                throw outOfRange(key, text, range);
            }
            return v;
        }, Durations::format);
    }

    /** A string; if {@code allowed} is not empty, one of those. */
    public static Setting<String> ofString(String key, String defaultValue, List<String> allowed, String description) {
        List<String> choices = List.copyOf(allowed);
        String text = choices.isEmpty() ? "any text" : String.join(", ", choices);
        return ofText(key, defaultValue, text,
                raw -> choices.isEmpty() || choices.contains(raw) ? Optional.empty() : Optional.of("one of " + text),
                description);
    }

    /**
     * A string that {@code check} accepts (it answers empty) or rejects, answering what is allowed
     * as the end of "'raw' is not ...", e.g. {@code "an integer in 1..16"}; {@code allowed} says
     * it in words for {@code describe}. For keys whose rules are a real system's (e.g. Kafka's).
     */
    public static Setting<String> ofText(String key, String defaultValue, String allowed,
            Function<String, Optional<String>> check, String description) {
        return new Setting<>(key, description, defaultValue, allowed, raw -> {
            check.apply(raw).ifPresent(why -> {
                throw new BadInputException(key + ": '" + raw + "' is not " + why);
            });
            return raw;
        }, s -> s);
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The allowed values in words, e.g. {@code 1..100} or {@code strong, legacy}. */
    public String allowed() {
        return allowed;
    }

    /** Parses user text; a {@link BadInputException} names this key and what is allowed. */
    public T parse(String text) {
        return parser.apply(text);
    }

    /** The value as a user would type it. */
    public String format(T value) {
        return printer.apply(value);
    }

    /** E.g. {@code nodes (default 5, 1..100)}. */
    public String summary() {
        return key + " (default " + format(defaultValue) + ", " + allowed + ")";
    }

    @Override
    public String toString() {
        return summary();
    }

    private static long parseLong(String key, String text, String what) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(key + ": '" + text + "' is not " + what);
        }
    }

    private static BadInputException outOfRange(String key, String text, String range) {
        return new BadInputException(key + ": " + text.trim() + " is out of range " + range);
    }

    private static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
