package io.faultline.models.glacier.scenario;

import io.faultline.sim.scenario.ScenarioCatalog;
import io.faultline.sim.scenario.ScenarioEntry;
import java.util.List;
import org.apiguardian.api.API;

/** The Glacier vault scenarios, registered in {@code META-INF/services}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GlacierCatalog implements ScenarioCatalog {
    // Lambdas, so that listing the entries loads no scenario class (ScenarioEntry).
    @Override
    public List<ScenarioEntry> entries() {
        return List.of(
                new ScenarioEntry(RetrievalTiersScenario.NAME, RetrievalTiersScenario.DESCRIPTION,
                        () -> RetrievalTiersScenario.SCENARIO),
                new ScenarioEntry(InventoryLagScenario.NAME, InventoryLagScenario.DESCRIPTION,
                        () -> InventoryLagScenario.SCENARIO));
    }
}
