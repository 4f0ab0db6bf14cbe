package io.faultline.models.glacier.scenario;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;
import java.util.List;

/** The Glacier vault scenarios, registered in {@code META-INF/services}. */
public final class GlacierCatalog implements ScenarioCatalog {
    @Override
    public List<Scenario> scenarios() {
        return List.of(RetrievalTiersScenario.SCENARIO, InventoryLagScenario.SCENARIO);
    }
}
