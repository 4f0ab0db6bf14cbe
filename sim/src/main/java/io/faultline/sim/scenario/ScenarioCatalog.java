package io.faultline.sim.scenario;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A model's list of scenarios, found with {@link java.util.ServiceLoader}: implement it (with a
 * public no-argument constructor) and name the class in
 * {@code META-INF/services/io.faultline.sim.scenario.ScenarioCatalog}.
 *
 * <pre>{@code
 * public final class DemoCatalog implements ScenarioCatalog {
 *     public List<Scenario> scenarios() {
 *         return List.of(EchoScenario.SCENARIO, BroadcastScenario.SCENARIO);
 *     }
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface ScenarioCatalog {
    List<Scenario> scenarios();
}
