package io.faultline.checker.model;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What applying one operation to one state gives: a single next state ({@link Ok}), one of several
 * possible next states for a nondeterministic model ({@link AnyOf}), or {@link Inconsistent} when
 * the operation cannot have happened in that state (the checker then tries another order).
 *
 * <pre>{@code
 * return state.equals(op.value()) ? Step.ok(state)
 *         : Step.inconsistent(() -> "read " + op.value() + " but register holds " + state);
 * }</pre>
 *
 * <p>The reason of an inconsistent step is a {@link Supplier}: the searches reject a step on almost
 * every order they try, and show a reason only for the one operation a counterexample ends with, so
 * the text is built only then (building it on every rejection made a kv check of Porcupine's
 * {@code c50-ok} twice as slow, bench/README.md, "Linearizability checker").
 *
 * @param <S> the model's state type (immutable, with equals/hashCode)
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Step<S> {

    /** The operation was possible and led to {@code state}. */
    record Ok<S>(S state) implements Step<S> {
        public Ok {
            Objects.requireNonNull(state, "state");
        }
    }

    /** The operation was possible and led to any one of {@code states} (nondeterminism). */
    record AnyOf<S>(Set<S> states) implements Step<S> {
        public AnyOf {
            states = Set.copyOf(states);
            if (states.isEmpty()) {
                throw new IllegalArgumentException("AnyOf needs at least one state; use Inconsistent");
            }
        }
    }

    /**
     * The operation cannot have happened in this state; {@code why} says why when asked
     * ({@link #reason()}), and is called only for a step a counterexample shows.
     */
    record Inconsistent<S>(Supplier<String> why) implements Step<S> {
        public Inconsistent {
            Objects.requireNonNull(why, "why");
        }

        /** The model's reason, built now. */
        public String reason() {
            return Objects.requireNonNull(why.get(), "a model's reason");
        }
    }

    static <S> Step<S> ok(S state) {
        return new Ok<>(state);
    }

    static <S> Step<S> anyOf(Set<S> states) {
        return new AnyOf<>(states);
    }

    /** Inconsistent, with a reason built only if it is shown (see the type's comment). */
    static <S> Step<S> inconsistent(Supplier<String> reason) {
        return new Inconsistent<>(reason);
    }
}
