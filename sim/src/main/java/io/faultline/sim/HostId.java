package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * The address of a host: its name and its dense index in the simulation (which the kernel uses to
 * avoid map look-ups in the hot path). Obtained from {@link Simulation#addHost}; never made up.
 *
 * @param index position of the host in {@link Simulation#hosts()}, from 0
 * @param name  unique name, e.g. {@code n1} or {@code client-3}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record HostId(int index, String name) implements Comparable<HostId> {
    @Override
    public int compareTo(HostId o) {
        return Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
        return name;
    }
}
