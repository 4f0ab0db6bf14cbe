package io.faultline.report.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Model states as short EDN-like text. States are whatever a model keeps (a {@code Value}, a map of
 * keys to values, a set...); maps and sets are printed sorted, so the text does not depend on hash
 * order.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class StateText {
    private StateText() {
    }

    /** E.g. {@code 3}, {@code nil}, {@code {"k1" "x 0"}}, {@code #{1 2}}. */
    public static String of(Object state) {
        if (state instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            m.forEach((k, v) -> entries.add(of(k) + " " + of(v)));
            entries.sort(null);
            return "{" + String.join(", ", entries) + "}";
        }
        if (state instanceof java.util.Set<?> s) {
            return "#{" + String.join(" ", sorted(s)) + "}";
        }
        if (state instanceof Collection<?> c) {
            List<String> items = new ArrayList<>();
            c.forEach(i -> items.add(of(i)));
            return "[" + String.join(" ", items) + "]";
        }
        return String.valueOf(state);
    }

    private static List<String> sorted(Collection<?> c) {
        List<String> items = new ArrayList<>();
        c.forEach(i -> items.add(of(i)));
        items.sort(null);
        return items;
    }

    /** Several states, comma-separated. */
    public static String all(List<Object> states) {
        List<String> out = new ArrayList<>();
        states.forEach(s -> out.add(of(s)));
        return String.join(", ", out);
    }
}
