package io.faultline.sim;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How one directed link behaves: delay, loss, duplication, reordering and bandwidth.
 *
 * <pre>{@code
 * sim.network().defaultLink(LinkSpec.of(Latency.uniform(Simulation.MILLIS, 3 * Simulation.MILLIS))
 *         .withLoss(0.01).withDuplicate(0.001).withBandwidth(125_000_000));   // 1 Gbit/s
 * }</pre>
 *
 * @param latency                 one-way delay distribution
 * @param loss                    probability a message is lost, in [0, 1]
 * @param duplicate               probability a second copy is delivered (with its own delay)
 * @param reorder                 probability a message is held back by up to one extra delay
 * @param bandwidthBytesPerSecond 0 for unlimited; otherwise messages queue behind each other
 */
@API(status = API.Status.STABLE, since = "0.1")
public record LinkSpec(Latency latency, double loss, double duplicate, double reorder,
        long bandwidthBytesPerSecond) {

    public LinkSpec {
        Objects.requireNonNull(latency, "latency");
        probability(loss, "loss");
        probability(duplicate, "duplicate");
        probability(reorder, "reorder");
        if (bandwidthBytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative");
        }
    }

    /** A perfect link with this latency: no loss, no duplicates, no extra reordering, no limit. */
    public static LinkSpec of(Latency latency) {
        return new LinkSpec(latency, 0, 0, 0, 0);
    }

    public LinkSpec withLatency(Latency l) {
        return new LinkSpec(l, loss, duplicate, reorder, bandwidthBytesPerSecond);
    }

    public LinkSpec withLoss(double p) {
        return new LinkSpec(latency, p, duplicate, reorder, bandwidthBytesPerSecond);
    }

    public LinkSpec withDuplicate(double p) {
        return new LinkSpec(latency, loss, p, reorder, bandwidthBytesPerSecond);
    }

    public LinkSpec withReorder(double p) {
        return new LinkSpec(latency, loss, duplicate, p, bandwidthBytesPerSecond);
    }

    public LinkSpec withBandwidth(long bytesPerSecond) {
        return new LinkSpec(latency, loss, duplicate, reorder, bytesPerSecond);
    }

    private static void probability(double p, String name) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1]: " + p);
        }
    }
}
