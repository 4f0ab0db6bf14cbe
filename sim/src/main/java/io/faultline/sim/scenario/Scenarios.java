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
 * for (ScenarioEntry e : Scenarios.entries()) System.out.println(e.name() + "  " + e.description());
 * Scenario s = Scenarios.get("demo/echo");   // BadInputException listing the known names if absent
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Scenarios {
    private Scenarios() {
    }

    /**
     * Every catalog's entries, sorted by name, without building a scenario; two with the same name
     * are an error of the catalogs.
     */
    public static List<ScenarioEntry> entries() {
        TreeMap<String, ScenarioEntry> byName = new TreeMap<>();
        for (ScenarioCatalog c : ServiceLoader.load(ScenarioCatalog.class)) {
            for (ScenarioEntry e : c.entries()) {
                if (byName.put(e.name(), e) != null) {
                    throw new IllegalStateException("two scenarios are named " + e.name());
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** All scenarios, built, sorted by name. */
    public static List<Scenario> all() {
        return entries().stream().map(ScenarioEntry::scenario).toList();
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

    /** The scenario named {@code name}, built alone (the others' classes stay unloaded). */
    public static Optional<Scenario> find(String name) {
        return find(entries(), name);
    }

    /** The scenario named {@code name}, or bad input naming the known ones. */
    public static Scenario get(String name) {
        List<ScenarioEntry> entries = entries();
        return find(entries, name).orElseThrow(() -> new BadInputException("unknown scenario '" + name + "'; known: "
                + String.join(", ", entries.stream().map(ScenarioEntry::name).toList())));
    }

    private static Optional<Scenario> find(List<ScenarioEntry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().map(ScenarioEntry::scenario);
    }
}
