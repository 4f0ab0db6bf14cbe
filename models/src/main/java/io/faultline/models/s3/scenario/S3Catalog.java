package io.faultline.models.s3.scenario;

import io.faultline.models.s3.check.S3Checks;
import io.faultline.sim.scenario.ScenarioCatalog;
import io.faultline.sim.scenario.ScenarioEntry;
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
    // Lambdas, so that listing the entries loads no scenario class (ScenarioEntry).
    @Override
    public List<ScenarioEntry> entries() {
        return List.of(
                new ScenarioEntry(LegacyScenarios.STALE_READ_NAME, LegacyScenarios.STALE_READ_DESCRIPTION,
                        () -> LegacyScenarios.STALE_READ),
                new ScenarioEntry(LegacyScenarios.NEGATIVE_CACHE_NAME, LegacyScenarios.NEGATIVE_CACHE_DESCRIPTION,
                        () -> LegacyScenarios.NEGATIVE_CACHE),
                new ScenarioEntry(LegacyScenarios.LIST_LAG_NAME, LegacyScenarios.LIST_LAG_DESCRIPTION,
                        () -> LegacyScenarios.LIST_LAG),
                new ScenarioEntry(StrongScenario.NAME, StrongScenario.DESCRIPTION, () -> StrongScenario.SCENARIO),
                new ScenarioEntry(HotPrefixScenario.NAME, HotPrefixScenario.DESCRIPTION,
                        () -> HotPrefixScenario.SCENARIO),
                new ScenarioEntry(MultipartCrashScenario.NAME, MultipartCrashScenario.DESCRIPTION,
                        () -> MultipartCrashScenario.SCENARIO),
                new ScenarioEntry(LifecycleToGlacierScenario.NAME, LifecycleToGlacierScenario.DESCRIPTION,
                        () -> LifecycleToGlacierScenario.SCENARIO),
                new ScenarioEntry(RestoreExpiryScenario.NAME, RestoreExpiryScenario.DESCRIPTION,
                        () -> RestoreExpiryScenario.SCENARIO));
    }

    /**
     * s3/strong as S3 is (FIDELITY A1.3), then each of its mechanisms ({@code Safeguards}) turned
     * off in turn, then the legacy model (A1.2). Each weakened server loses linearizability: the
     * anomaly is the per-key check's name (the check names no finer kind).
     */
    @Override
    public List<Weakening> weakenings() {
        String strong = StrongScenario.NAME;
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
