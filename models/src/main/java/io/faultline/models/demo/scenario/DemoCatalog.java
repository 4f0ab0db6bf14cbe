package io.faultline.models.demo.scenario;

import io.faultline.sim.scenario.ScenarioCatalog;
import io.faultline.sim.scenario.ScenarioEntry;

import java.util.List;
import org.apiguardian.api.API;

/** The demo scenarios, registered in {@code META-INF/services}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DemoCatalog implements ScenarioCatalog {
    // Lambdas, so that listing the entries loads no scenario class (ScenarioEntry).
    @Override
    public List<ScenarioEntry> entries() {
        return List.of(
                new ScenarioEntry(EchoScenario.NAME, EchoScenario.DESCRIPTION, () -> EchoScenario.SCENARIO),
                new ScenarioEntry(BroadcastScenario.NAME, BroadcastScenario.DESCRIPTION, () -> BroadcastScenario.SCENARIO));
    }
}
