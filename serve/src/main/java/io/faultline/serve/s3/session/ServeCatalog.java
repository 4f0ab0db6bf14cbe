package io.faultline.serve.s3.session;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;
import java.util.List;
import org.apiguardian.api.API;

/** The scenarios of the serve module ({@code s3/replay}), registered in {@code META-INF/services}. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ServeCatalog implements ScenarioCatalog {
    @Override
    public List<Scenario> scenarios() {
        return List.of(ReplayScenario.SCENARIO);
    }
}
