package io.faultline.checker;

import io.faultline.checker.history.Value;
import io.faultline.checker.model.Operation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Why a history is not linearizable: {@link #operation()} cannot be linearized after
 * {@link #linearized()}, the longest linearizable prefix the search found (in linearization order),
 * from which the object could have been in any of {@link #states()}.
 *
 * <pre>{@code
 * if (report.verdict() instanceof Verdict.Invalid inv) {
 *     Counterexample c = inv.counterexample();
 *     System.out.println(c.operation().describe() + " after " + c.linearized().size() + " ops; states " + c.states());
 * }
 * }</pre>
 *
 * @param key         for a model split per key, the key whose sub-history failed
 * @param operation   the operation that cannot be linearized
 * @param linearized  the longest linearizable prefix before it, in linearization order
 * @param states      the model states the object could have been in after that prefix (a sample,
 *                    at most a few)
 * @param explanation the model's reasons why {@code operation} is impossible in those states
 *                    (empty when it is possible there but real-time order forbids what follows)
 * @param algorithm   the search that found it ({@link Algorithm#WGL} or {@link Algorithm#LINEAR})
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Counterexample(Optional<Value> key, Operation operation, List<Operation> linearized,
                             List<Object> states, String explanation, Algorithm algorithm) {
    public Counterexample {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operation, "operation");
        linearized = List.copyOf(linearized);
        states = List.copyOf(states);
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
