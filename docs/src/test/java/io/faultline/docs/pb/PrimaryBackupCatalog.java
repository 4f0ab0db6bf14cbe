package io.faultline.docs.pb;

import io.faultline.sim.scenario.ScenarioCatalog;
import io.faultline.sim.scenario.ScenarioEntry;
import java.util.List;

// tag::catalog[]
/** The walkthrough's scenarios, registered in {@code META-INF/services/io.faultline.sim.scenario.ScenarioCatalog}. */
public final class PrimaryBackupCatalog implements ScenarioCatalog {
    // Lambdas, so that listing the entries loads no scenario class (ScenarioEntry).
    @Override
    public List<ScenarioEntry> entries() {
        return List.of(
                new ScenarioEntry(PrimaryBackupScenario.NAME, PrimaryBackupScenario.DESCRIPTION,
                        () -> PrimaryBackupScenario.SCENARIO));
    }
}
// end::catalog[]
