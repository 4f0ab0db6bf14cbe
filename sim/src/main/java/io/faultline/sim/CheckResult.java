package io.faultline.sim;

import io.faultline.checker.Outcome;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The answer of one check of a run: a checker's verdict on a history, an invariant, a liveness
 * bound, or a scenario-specific property.
 *
 * <pre>{@code
 * CheckResult.invalid("kafka log anomalies", "lost-write=2 ...", List.of("lost-write"));
 * }</pre>
 *
 * @param name      what was checked, e.g. {@code linearizable} or {@code every acked value everywhere}
 * @param outcome   VALID, INVALID or UNKNOWN
 * @param detail    one line explaining the outcome (a counterexample summary, the bound hit, ...)
 * @param anomalies for an INVALID check that tells kinds apart (Jepsen's {@code lost-write},
 *                  {@code duplicate}, ...), the kinds it found, sorted; empty when the check's name
 *                  is the only kind it has
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CheckResult(String name, Outcome outcome, String detail, List<String> anomalies) {
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        anomalies = anomalies.stream().sorted().distinct().toList();
    }

    /** A result whose only anomaly kind, if it fails, is its name. */
    public CheckResult(String name, Outcome outcome, String detail) {
        this(name, outcome, detail, List.of());
    }

    /**
     * The anomaly kinds this result stands for: none unless INVALID; then its kinds, or its name
     * when it has none of its own.
     */
    public List<String> anomalyKinds() {
        if (outcome != Outcome.INVALID) {
            return List.of();
        }
        return anomalies.isEmpty() ? List.of(name) : anomalies;
    }

    public static CheckResult valid(String name, String detail) {
        return new CheckResult(name, Outcome.VALID, detail);
    }

    public static CheckResult invalid(String name, String detail) {
        return new CheckResult(name, Outcome.INVALID, detail);
    }

    /** An INVALID result that names the anomaly kinds it found. */
    public static CheckResult invalid(String name, String detail, List<String> anomalies) {
        return new CheckResult(name, Outcome.INVALID, detail, anomalies);
    }

    public static CheckResult unknown(String name, String detail) {
        return new CheckResult(name, Outcome.UNKNOWN, detail);
    }
}
