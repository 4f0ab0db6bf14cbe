package io.faultline.checker.history;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The type of a history event, in Jepsen's vocabulary.
 *
 * <ul>
 *   <li>{@link #INVOKE}: a process started an operation;</li>
 *   <li>{@link #OK}: it completed and took effect;</li>
 *   <li>{@link #FAIL}: it completed and is known <em>not</em> to have taken effect;</li>
 *   <li>{@link #INFO}: its outcome is unknown (a timeout, a crash): it may have taken effect at any
 *       point after its invocation, and its process invokes nothing more.</li>
 * </ul>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum OpType {
    INVOKE, OK, FAIL, INFO;

    /** The keyword name Jepsen writes, e.g. {@code "invoke"}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a Jepsen keyword name ({@code invoke}, {@code ok}, {@code fail}, {@code info}). */
    public static Optional<OpType> fromKeyword(String name) {
        for (OpType t : values()) {
            if (t.keyword().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** True for the three completion types. */
    public boolean isCompletion() {
        return this != INVOKE;
    }
}
