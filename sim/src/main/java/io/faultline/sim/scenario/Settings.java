package io.faultline.sim.scenario;

import io.faultline.sim.BadInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The values of a scenario's {@link Setting}s: the defaults, overridden by user text
 * ({@code --set nodes=7}). Immutable.
 *
 * <pre>{@code
 * Settings s = Settings.parse(List.of(NODES, LOSS), List.of("nodes=7", "loss=0.05"));
 * int nodes = s.get(NODES);
 * Settings t = s.with(NODES, 3);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Settings {
    private final List<Setting<?>> schema;
    private final Map<String, Object> values;

    private Settings(List<Setting<?>> schema, Map<String, Object> values) {
        this.schema = List.copyOf(schema);
        this.values = values;
    }

    /** Every setting at its default. */
    public static Settings defaults(List<Setting<?>> schema) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Setting<?> s : schema) {
            if (v.put(s.key(), s.defaultValue()) != null) {
                throw new IllegalArgumentException("duplicate setting key: " + s.key());
            }
        }
        return new Settings(schema, v);
    }

    /** The defaults overridden by {@code key=value} assignments. */
    public static Settings parse(List<Setting<?>> schema, List<String> assignments) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("'" + a + "' is not key=value");
            }
            raw.put(a.substring(0, eq).trim(), a.substring(eq + 1));
        }
        return parse(schema, raw);
    }

    /** The defaults overridden by these raw values; unknown keys and bad values are bad input. */
    public static Settings parse(List<Setting<?>> schema, Map<String, String> raw) {
        Settings s = defaults(schema);
        Map<String, Object> v = new LinkedHashMap<>(s.values);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            Setting<?> setting = s.find(e.getKey());
            v.put(setting.key(), setting.parse(e.getValue()));
        }
        return new Settings(schema, v);
    }

    /** The value of {@code setting}, which must belong to this schema. */
    public <T> T get(Setting<T> setting) {
        Object v = values.get(setting.key());
        if (v == null) {
            throw new IllegalArgumentException("setting " + setting.key() + " is not part of this scenario");
        }
        @SuppressWarnings("unchecked")
        T t = (T) v;
        return t;
    }

    /** A copy with one value replaced. */
    public <T> Settings with(Setting<T> setting, T value) {
        get(setting);
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(setting.key(), value);
        return new Settings(schema, v);
    }

    public List<Setting<?>> schema() {
        return schema;
    }

    /** Every value as text, in schema order (for reports and replay commands). */
    public Map<String, String> asStrings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting<?> s : schema) {
            out.put(s.key(), format(s));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The {@code key=value} assignments that differ from the defaults (to print a replay command). */
    public List<String> overrides() {
        List<String> out = new ArrayList<>();
        for (Setting<?> s : schema) {
            if (!values.get(s.key()).equals(s.defaultValue())) {
                out.add(s.key() + "=" + format(s));
            }
        }
        return out;
    }

    private <T> String format(Setting<T> s) {
        return s.format(get(s));
    }

    private Setting<?> find(String key) {
        for (Setting<?> s : schema) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        List<String> known = new ArrayList<>();
        List<String> meant = new ArrayList<>();
        for (Setting<?> s : schema) {
            known.add(s.key());
            if (s.key().endsWith("." + key) || s.key().endsWith("-" + key)) {
                meant.add(s.key());
            }
        }
        // Key names only: defaults and allowed values are `faultline describe`'s job, one line here.
        throw new BadInputException("unknown key '" + key + "'"
                + (meant.isEmpty() ? "" : " (did you mean " + String.join(" or ", meant) + "?)") + "; allowed keys: "
                + (known.isEmpty() ? "none (this scenario has no settings)" : String.join(", ", known)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return asStrings().toString();
    }
}
