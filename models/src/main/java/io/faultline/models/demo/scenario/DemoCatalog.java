package io.faultline.models.demo.scenario;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;

import java.util.List;

/** The demo scenarios, registered in {@code META-INF/services}. */
public final class DemoCatalog implements ScenarioCatalog {
    @Override
    public List<Scenario> scenarios() {
        return List.of(EchoScenario.SCENARIO, BroadcastScenario.SCENARIO);
    }
}
