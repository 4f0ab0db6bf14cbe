package io.faultline.models.s3.scenario;

import io.faultline.models.s3.check.S3Checks;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioCatalog;
import io.faultline.sim.scenario.Weakening;
import io.faultline.sim.scenario.Weakening.Finds;
import io.faultline.sim.scenario.Weakening.Holds;
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

    /**
     * s3/strong as S3 is (FIDELITY A1.3), then each of its mechanisms ({@code Safeguards}) turned
     * off in turn, then the legacy model (A1.2). Each weakened server loses linearizability: the
     * anomaly is the per-key check's name (the check names no finer kind).
     */
    @Override
    public List<Weakening> weakenings() {
        String strong = StrongScenario.SCENARIO.name();
        Finds stale = new Finds(List.of(S3Checks.LINEARIZABLE));
        return List.of(
                new Weakening(strong, List.of(), new Holds("S3 as it is: quorum reads and writes, read repair, "
                        + "stamps after the quorum's, recovery sync, conditional-write leases"), "FIDELITY A1.3"),
                new Weakening(strong, List.of("s3.read-quorum=1"), stale, "FIDELITY A1.3"),
                new Weakening(strong, List.of("s3.write-quorum=1"), stale, "FIDELITY A1.3"),
                new Weakening(strong, List.of("s3.read-repair=false"), stale, "FIDELITY A1.3"),
                new Weakening(strong, List.of("s3.stamp-after-read=false"), stale, "FIDELITY A1.3"),
                new Weakening(strong, List.of("s3.recovery-sync=false"), stale, "FIDELITY A1.3"),
                new Weakening(strong, List.of("s3.write-lease=false"), stale, "FIDELITY A7.2"),
                new Weakening(strong, List.of("s3.consistency=legacy"), stale, "FIDELITY A1.2"));
    }
}
