package io.faultline.sim;

/**
 * Builds the process of a host: at its start and after each restart (a fresh object, so no
 * volatile state survives a crash).
 *
 * <pre>{@code
 * sim.addHost("n1", self -> new EchoServer());
 * }</pre>
 */
@FunctionalInterface
public interface ProcessFactory {
    Process create(HostId self);
}
