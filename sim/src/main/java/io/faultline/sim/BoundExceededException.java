package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * A bound was hit where the run cannot return a status (while scheduling an event, e.g. in a
 * scenario's setup): the simulation stops where it is. The caller may still build a result from
 * {@link #simulation()}: its trace is what the run did until then.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class BoundExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Simulation simulation;

    BoundExceededException(Simulation simulation, String message) {
        super(message, null, false, false);
        this.simulation = simulation;
    }

    /** The simulation that was stopped. */
    public Simulation simulation() {
        return simulation;
    }
}
