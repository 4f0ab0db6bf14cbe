package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * Builds the process of a host: at its start and after each restart (a fresh object, so no
 * volatile state survives a crash).
 *
 * <pre>{@code
 * sim.addHost("n1", self -> new EchoServer());
 * }</pre>
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface ProcessFactory {
    Process create(HostId self);
}
