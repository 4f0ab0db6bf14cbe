package io.faultline.report;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A fault as drawn on the report's timeline: active on {@code lane} from {@code fromNanos} to
 * {@code toNanos} in simulated time. An instantaneous fault (a crash, a clock jump) has
 * {@code toNanos == fromNanos}; a fault still active when the run ended ends at the run's end.
 *
 * <pre>{@code
 * new FaultSpan("network", "partition {n1} | {n2 n3}", 2_000_000_000L, 7_000_000_000L);
 * new FaultSpan("n2", "crash", 3_000_000_000L, 3_000_000_000L);
 * }</pre>
 *
 * @param lane      what the fault hit: a host name, or {@code network} for link faults
 * @param label     what happened, short enough for a tooltip
 * @param fromNanos when it began
 * @param toNanos   when it healed (at least {@code fromNanos})
 */
@API(status = API.Status.STABLE, since = "0.1")
public record FaultSpan(String lane, String label, long fromNanos, long toNanos) {
    public FaultSpan {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(label, "label");
        if (toNanos < fromNanos) {
            throw new IllegalArgumentException("fault ends (" + toNanos + ") before it begins (" + fromNanos + ")");
        }
    }

    public boolean instantaneous() {
        return toNanos == fromNanos;
    }
}
