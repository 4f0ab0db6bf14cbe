package io.faultline.models.s3.cold;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;
import java.util.List;

/** The cold-path scenarios ({@code s3/lifecycle-to-glacier}, {@code s3/restore-expiry}), registered in {@code META-INF/services}. */
public final class ColdCatalog implements ScenarioCatalog {
    @Override
    public List<Scenario> scenarios() {
        return List.of(LifecycleToGlacierScenario.SCENARIO, RestoreExpiryScenario.SCENARIO);
    }
}
