package io.faultline.report;

import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * One message as drawn in the report's message-flow (Lamport) diagram: sent by {@code from} at
 * {@code sentNanos}, delivered to {@code to} at {@code deliveredNanos}, or lost (dropped by the
 * network or a partition, or addressed to a crashed host) when that is empty.
 *
 * <pre>{@code
 * new MessageArrow("n1", "n2", 1_000_000L, OptionalLong.of(1_450_000L), "Append(term=3)");
 * new MessageArrow("n1", "n3", 1_000_000L, OptionalLong.empty(), "Append(term=3)");
 * }</pre>
 *
 * @param from           sender host
 * @param to             addressee host
 * @param sentNanos      when it was sent
 * @param deliveredNanos when it arrived, empty if it never did
 * @param label          the message, shortened for display
 */
@API(status = API.Status.STABLE, since = "0.1")
public record MessageArrow(String from, String to, long sentNanos, OptionalLong deliveredNanos, String label) {
    public MessageArrow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(deliveredNanos, "deliveredNanos");
        Objects.requireNonNull(label, "label");
    }

    public boolean lost() {
        return deliveredNanos.isEmpty();
    }
}
