package io.faultline.sim;

import io.faultline.checker.Outcome;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The answer of one check of a run: a checker's verdict on a history, an invariant, a liveness
 * bound, or a scenario-specific property.
 *
 * @param name    what was checked, e.g. {@code linearizable} or {@code every acked value everywhere}
 * @param outcome VALID, INVALID or UNKNOWN
 * @param detail  one line explaining the outcome (a counterexample summary, the bound hit, ...)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CheckResult(String name, Outcome outcome, String detail) {
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckResult valid(String name, String detail) {
        return new CheckResult(name, Outcome.VALID, detail);
    }

    public static CheckResult invalid(String name, String detail) {
        return new CheckResult(name, Outcome.INVALID, detail);
    }

    public static CheckResult unknown(String name, String detail) {
        return new CheckResult(name, Outcome.UNKNOWN, detail);
    }
}
