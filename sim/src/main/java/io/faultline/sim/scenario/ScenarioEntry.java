package io.faultline.sim.scenario;

import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A catalog's line for one scenario: its name and one-line description, and how to build it. Listing
 * the scenarios reads only the first two, so that {@code faultline list} loads no model class; a
 * scenario is built when it is looked up by name. Give the name and description as compile-time
 * constants of the scenario's class (the compiler copies them into the catalog, so reading them does
 * not load that class) and build it in a lambda:
 *
 * <pre>{@code
 * new ScenarioEntry(EchoScenario.NAME, EchoScenario.DESCRIPTION, () -> EchoScenario.SCENARIO)
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ScenarioEntry(String name, String description, Supplier<Scenario> factory) {
    public ScenarioEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(factory, "factory");
    }

    /** The scenario, built by the factory; an entry that names it otherwise is an error of its catalog. */
    public Scenario scenario() {
        Scenario s = Objects.requireNonNull(factory.get(), () -> "the catalog entry " + name + " built no scenario");
        if (!s.name().equals(name) || !s.description().equals(description)) {
            throw new IllegalStateException("the catalog entry " + name + " builds the scenario " + s.name()
                    + " whose name or description differs from the entry's");
        }
        return s;
    }
}
