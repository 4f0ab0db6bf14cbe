package io.faultline.models.s3.scenario;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The {@code s3/...} scenarios, registered in {@code META-INF/services}.
 *
 * <pre>{@code
 * ./faultline run s3/legacy-stale-read --seed 3
 * ./faultline sweep s3/strong --seeds 200
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class S3Catalog implements ScenarioCatalog {
    @Override
    public List<Scenario> scenarios() {
        return List.of(LegacyScenarios.STALE_READ, LegacyScenarios.NEGATIVE_CACHE, LegacyScenarios.LIST_LAG,
                StrongScenario.SCENARIO, HotPrefixScenario.SCENARIO,
                MultipartCrashScenario.SCENARIO, LifecycleToGlacierScenario.SCENARIO, RestoreExpiryScenario.SCENARIO);
    }
}
