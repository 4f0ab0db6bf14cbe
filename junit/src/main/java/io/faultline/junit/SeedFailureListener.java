package io.faultline.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.apiguardian.api.API;

/**
 * Told about each failing seed after it was shrunk and its files written, before JUnit reports it:
 * to attach the report to a CI run, count failures, notify someone.
 *
 * <pre>{@code
 * public final class PrintReplays implements SeedFailureListener {
 *     public void seedFailed(SeedFailure failure, ExtensionContext context) {
 *         System.out.println(context.getDisplayName() + ": " + failure.replayAnnotation());
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface SeedFailureListener extends SimulationHook {
    void seedFailed(SeedFailure failure, ExtensionContext context);
}
