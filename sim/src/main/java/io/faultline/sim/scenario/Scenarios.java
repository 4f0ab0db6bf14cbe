package io.faultline.sim.scenario;

import io.faultline.sim.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Every scenario of every {@link ScenarioCatalog} on the class path, sorted by name.
 *
 * <pre>{@code
 * for (Scenario s : Scenarios.all()) System.out.println(s.name() + "  " + s.description());
 * Scenario s = Scenarios.get("demo/echo");   // BadInputException listing the known names if absent
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Scenarios {
    private Scenarios() {
    }

    /** All scenarios, sorted by name; two with the same name are an error of the catalogs. */
    public static List<Scenario> all() {
        TreeMap<String, Scenario> byName = new TreeMap<>();
        for (ScenarioCatalog c : ServiceLoader.load(ScenarioCatalog.class)) {
            for (Scenario s : c.scenarios()) {
                if (byName.put(s.name(), s) != null) {
                    throw new IllegalStateException("two scenarios are named " + s.name());
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** Every catalog's bug-finding rows, in catalog order (sorted by the catalog's class name). */
    public static List<Weakening> weakenings() {
        TreeMap<String, List<Weakening>> byCatalog = new TreeMap<>();
        for (ScenarioCatalog c : ServiceLoader.load(ScenarioCatalog.class)) {
            byCatalog.put(c.getClass().getName(), c.weakenings());
        }
        List<Weakening> out = new ArrayList<>();
        byCatalog.values().forEach(out::addAll);
        return out;
    }

    public static Optional<Scenario> find(String name) {
        for (Scenario s : all()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The scenario named {@code name}, or bad input naming the known ones. */
    public static Scenario get(String name) {
        return find(name).orElseThrow(() -> {
            List<String> names = new ArrayList<>();
            for (Scenario s : all()) {
                names.add(s.name());
            }
            return new BadInputException("unknown scenario '" + name + "'; known: " + String.join(", ", names));
        });
    }
}
