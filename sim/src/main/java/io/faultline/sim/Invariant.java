package io.faultline.sim;

import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * A safety property checked after every event; the first violation stops the run and is reported
 * with the event that caused it.
 *
 * <pre>{@code
 * sim.addInvariant(Invariant.of("one leader per term", s -> leadersPerTerm(s).values().stream()
 *         .allMatch(n -> n <= 1)));
 * }</pre>
 *
 * <p>Keep it cheap (it runs millions of times) and free of side effects.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Invariant {
    String name();

    /** Empty if the property holds, otherwise what is wrong. */
    Optional<String> check(Simulation sim);

    /** An invariant that holds while {@code holds} is true. */
    static Invariant of(String name, Predicate<Simulation> holds) {
        return new Invariant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> check(Simulation sim) {
                return holds.test(sim) ? Optional.empty() : Optional.of("violated");
            }
        };
    }
}
