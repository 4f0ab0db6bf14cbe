package io.faultline.serve.s3.session;

import io.faultline.sim.scenario.ScenarioCatalog;
import io.faultline.sim.scenario.ScenarioEntry;
import java.util.List;
import org.apiguardian.api.API;

/** The scenarios of the serve module ({@code s3/replay}), registered in {@code META-INF/services}. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ServeCatalog implements ScenarioCatalog {
    // Lambdas, so that listing the entries loads no scenario class (ScenarioEntry).
    @Override
    public List<ScenarioEntry> entries() {
        return List.of(
                new ScenarioEntry(ReplayScenario.NAME, ReplayScenario.DESCRIPTION, () -> ReplayScenario.SCENARIO));
    }
}
