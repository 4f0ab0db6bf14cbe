package io.faultline.models.glacier.scenario;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;
import java.util.List;
import org.apiguardian.api.API;

/** The Glacier vault scenarios, registered in {@code META-INF/services}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GlacierCatalog implements ScenarioCatalog {
    @Override
    public List<Scenario> scenarios() {
        return List.of(RetrievalTiersScenario.SCENARIO, InventoryLagScenario.SCENARIO);
    }
}
