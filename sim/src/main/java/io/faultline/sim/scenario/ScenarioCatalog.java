package io.faultline.sim.scenario;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A model's list of scenarios, found with {@link java.util.ServiceLoader}: implement it (with a
 * public no-argument constructor) and name the class in
 * {@code META-INF/services/io.faultline.sim.scenario.ScenarioCatalog}.
 *
 * <pre>{@code
 * public final class DemoCatalog implements ScenarioCatalog {
 *     public List<ScenarioEntry> entries() {
 *         return List.of(
 *                 new ScenarioEntry(EchoScenario.NAME, EchoScenario.DESCRIPTION, () -> EchoScenario.SCENARIO),
 *                 new ScenarioEntry(BroadcastScenario.NAME, BroadcastScenario.DESCRIPTION, () -> BroadcastScenario.SCENARIO));
 *     }
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface ScenarioCatalog {
    /**
     * One entry per scenario. Listing them must not build the scenarios (see {@link ScenarioEntry}):
     * {@code faultline list} reads every catalog's entries and should load no model class.
     */
    List<ScenarioEntry> entries();

    /**
     * The model's bug-finding matrix: its safe scenarios, each with the single-knob weakenings that
     * real deployments get wrong and what the fidelity reference predicts for each (see
     * {@link FindingPower}). Empty for a catalog with no safe scenario to weaken.
     */
    default List<Weakening> weakenings() {
        return List.of();
    }
}
