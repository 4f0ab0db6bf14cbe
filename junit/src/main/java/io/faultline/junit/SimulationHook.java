package io.faultline.junit;

import org.apiguardian.api.API;

/**
 * A hook of {@link SimulationTest}, one small interface per extension point, in JUnit's style. Name
 * the implementations in {@link SimulationTest#hooks()}; each is built once per test method (it
 * needs a no-argument constructor) and kept in that method's extension store.
 *
 * <pre>{@code
 * public final class UploadReports implements SeedFailureListener {
 *     public void seedFailed(SeedFailure failure, ExtensionContext context) {
 *         failure.report().ifPresent(CiArtifacts::attach);
 *     }
 * }
 *
 * @SimulationTest(scenario = "demo/broadcast", hooks = UploadReports.class)
 * void broadcast(RunResult result) { }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface SimulationHook {
}
