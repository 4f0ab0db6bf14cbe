package io.faultline.docs.pb;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;
import java.util.List;

// tag::catalog[]
/** The walkthrough's scenarios, registered in {@code META-INF/services/io.faultline.sim.scenario.ScenarioCatalog}. */
public final class PrimaryBackupCatalog implements ScenarioCatalog {
    @Override
    public List<Scenario> scenarios() {
        return List.of(PrimaryBackupScenario.SCENARIO);
    }
}
// end::catalog[]
