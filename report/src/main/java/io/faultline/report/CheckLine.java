package io.faultline.report;

import java.util.Objects;

import io.faultline.checker.Outcome;
import org.apiguardian.api.API;

/**
 * One check's answer as a person reads it in a report or a JSON summary.
 *
 * <pre>{@code
 * new CheckLine("linearizable", Outcome.INVALID, "read of x returned 3 after write 4 completed");
 * }</pre>
 *
 * @param name    the check's name, e.g. {@code linearizable}
 * @param verdict what it found
 * @param detail  one line of explanation (empty when there is nothing to add)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CheckLine(String name, Outcome verdict, String detail) {
    public CheckLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
    }
}
