package io.faultline.checker.model;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One operation of a prepared history: an invocation paired with its completion, as a model sees
 * it. Built by the checker from a {@link io.faultline.checker.history.History} (pairing each invocation with
 * its completion); a {@link Model} receives it in {@link Model#step}, so this type is part of the
 * model API.
 *
 * <pre>{@code
 * // {:process 0 :type :invoke :f :read :value nil} then {:process 0 :type :ok :f :read :value 3}
 * // becomes Operation(id 0, process 0, f "read", value 3, outcome OK)
 * if (op.f().equals("read") && op.outcome() == OpType.OK) { ... op.value() ... }
 * }</pre>
 *
 * @param id         dense number of this operation in its prepared history, in invocation order
 * @param process    the process that invoked it
 * @param f          the function, e.g. {@code read}
 * @param value      the invocation's value with its {@code nil} parts filled from an {@code ok}
 *                   completion (so a read carries the value read)
 * @param outcome    {@link OpType#OK}; {@link OpType#INFO} when it is unknown whether it took effect
 *                   (timed out, crashed, or never completed); {@link OpType#FAIL} only for failed
 *                   operations a model asks to keep as constraints (see {@code Model.keepsFailed})
 * @param invocation the original invocation
 * @param completion the original completion, absent when the history ended before it
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Operation(int id, int process, String f, Value value, OpType outcome, Op invocation,
                        Optional<Op> completion) {

    public Operation {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(completion, "completion");
        if (outcome == OpType.INVOKE) {
            throw new IllegalArgumentException("outcome must be a completion type");
        }
    }

    /** True when it may or may not have taken effect: its window extends to the end of history. */
    public boolean isIndeterminate() {
        return outcome == OpType.INFO;
    }

    /** A short description for messages, e.g. {@code "op 4 (process 1 :cas [1 2], ok)"}. */
    public String describe() {
        return "op " + invocation.index() + " (process " + process + " :" + f + " " + value + ", "
                + outcome.keyword() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
