package io.faultline.sim.scenario;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One row of a model's bug-finding matrix: a safe scenario with one knob turned the way real
 * deployments get it wrong, and what the fidelity reference says that knob does under the
 * scenario's own generated faults. The matrix ({@link FindingPower}) then measures how quickly
 * random seeds find it.
 *
 * <pre>{@code
 * new Weakening("kafka/safe", List.of("unclean.leader.election.enable=true"),
 *         new Weakening.Finds(List.of("lost-write")), "FIDELITY C4");
 * new Weakening("kafka/safe", List.of(), new Weakening.Holds("the safe configuration"), "FIDELITY F7");
 * }</pre>
 *
 * @param scenario  the catalog name of the safe scenario
 * @param overrides {@code key=value} settings, as {@code --set} takes them; empty for the safe row
 * @param expected  what the rules predict
 * @param rule      the fidelity anchor of the rule the row relies on, e.g. {@code FIDELITY C4}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Weakening(String scenario, List<String> overrides, Expectation expected, String rule) {
    public Weakening {
        Objects.requireNonNull(scenario, "scenario");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(rule, "rule");
    }

    /** What a row's configuration does under the rules. */
    public sealed interface Expectation permits Finds, Holds {
    }

    /**
     * Unsafe: random faults must find it, and at least one failing seed must show one of these
     * anomaly kinds (the kinds {@link io.faultline.sim.CheckResult#anomalyKinds()} reports).
     */
    public record Finds(List<String> anomalies) implements Expectation {
        public Finds {
            anomalies = List.copyOf(anomalies);
            if (anomalies.isEmpty()) {
                throw new IllegalArgumentException("an unsafe row names the anomaly it must show");
            }
        }
    }

    /** Safe under the rules, with the reason: no seed may fail. */
    public record Holds(String reason) implements Expectation {
        public Holds {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@code scenario --set k=v ...}, the row's name in tables and messages. */
    public String label() {
        StringBuilder b = new StringBuilder(scenario);
        overrides.forEach(o -> b.append(" --set ").append(o));
        return b.toString();
    }
}
