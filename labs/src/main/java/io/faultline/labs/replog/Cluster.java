package io.faultline.labs.replog;

import io.faultline.sim.HostId;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Who is who in the lab's cluster: brokers {@code 0, 1, 2} (each holds one replica of the
 * partition) and the controller.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Cluster {
    private final List<HostId> brokers;
    private final HostId controller;

    Cluster(List<HostId> brokers, HostId controller) {
        this.brokers = List.copyOf(brokers);
        this.controller = controller;
    }

    /** The broker ids, {@code [0, 1, 2]}. */
    public List<Integer> brokerIds() {
        return java.util.stream.IntStream.range(0, brokers.size()).boxed().toList();
    }

    /** The host of broker {@code id}. */
    public HostId broker(int id) {
        return brokers.get(id);
    }

    /** The controller's host. */
    public HostId controller() {
        return controller;
    }

    /** The broker id of {@code host}, if it is a broker. */
    public Optional<Integer> brokerId(HostId host) {
        int i = brokers.indexOf(host);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }
}
