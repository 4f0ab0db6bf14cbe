package io.faultline.models.s3.governance;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Where a bucket's events go (FIDELITY A16.13): a queue ({@code arn:aws:sqs:...}) or a function
 * ({@code arn:aws:lambda:...}), for the event types named ({@code s3:ObjectCreated:*} and the
 * like), filtered by key prefix and suffix.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record NotificationTarget(String id, Kind kind, String arn, List<String> events, String prefix, String suffix) {
    /** The destination's kind. */
    public enum Kind { QUEUE, FUNCTION }

    public NotificationTarget {
        events = List.copyOf(events);
    }

    /** True if an event {@code eventName} (without the {@code s3:} prefix) on {@code key} goes here. */
    public boolean matches(String eventName, String key) {
        boolean type = events.stream().anyMatch(p -> {
            String pattern = p.toLowerCase(Locale.ROOT).replaceFirst("^s3:", "");
            String name = eventName.toLowerCase(Locale.ROOT);
            return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(name);
        });
        return type && key.startsWith(prefix) && key.endsWith(suffix);
    }
}
