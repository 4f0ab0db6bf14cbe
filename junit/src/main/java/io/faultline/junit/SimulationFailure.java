package io.faultline.junit;

import org.opentest4j.AssertionFailedError;
import org.apiguardian.api.API;

/**
 * The failure a failing seed of a {@link SimulationTest} reports; its message is
 * {@link SeedFailure#message()} and it carries the {@link SeedFailure} for tools and listeners.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SimulationFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final transient SeedFailure failure;

    public SimulationFailure(SeedFailure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    public SeedFailure failure() {
        return failure;
    }
}
