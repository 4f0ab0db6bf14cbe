package io.faultline.report;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A moment the message-flow diagram centres a window on: the first violation, a fault (or its heal,
 * a crash, a restart), or something a process logged or the scenario did once faults had begun.
 *
 * <pre>{@code
 * new Moment(9_000_000_000L, Moment.Kind.FAULT, "partition {n1 n2} | {n3 n4 n5}");
 * }</pre>
 *
 * @param nanos when it happened
 * @param kind  what sort of moment, which also orders them when not all fit
 * @param label what happened, in a few words
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Moment(long nanos, Kind kind, String label) {
    /** Kinds of moments, most important first. */
    public enum Kind { VIOLATION, FAULT, EVENT }

    public Moment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }
}
