package io.faultline.junit;

import io.faultline.faults.FaultSpace;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import org.apiguardian.api.API;

/**
 * Chooses the faults a catalog scenario's seeds are drawn from. Without one, every kind hits random
 * servers within the first 60% of the run. (A test that builds its system declares its faults on the
 * {@link io.faultline.faults.Trial} instead.)
 *
 * <pre>{@code
 * public final class CrashesOnly implements FaultSpaceFactory {
 *     public FaultSpace faultSpace(Scenario scenario, RunSpec spec) {
 *         return FaultSpace.of(spec.durationNanos() / 2, List.of(new Target.Random("servers")))
 *                 .withKinds(List.of("crash"));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface FaultSpaceFactory extends SimulationHook {
    FaultSpace faultSpace(Scenario scenario, RunSpec spec);
}
