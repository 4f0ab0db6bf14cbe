package io.faultline.sim.client;

import io.faultline.checker.history.Value;
import io.faultline.sim.Rng;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What clients ask for: the next operation, drawn from the client's random stream.
 *
 * <pre>{@code
 * Workload registers = rng -> rng.chance(0.5)
 *         ? new Invocation("read", Value.NIL)
 *         : new Invocation("write", Value.of(rng.nextInt(5)));
 * }</pre>
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface Workload {
    Invocation next(Rng rng);

    /** Picks uniformly among these invocations. */
    static Workload uniform(List<Invocation> choices) {
        List<Invocation> copy = List.copyOf(choices);
        return rng -> rng.pick(copy);
    }

    /** Reads with probability {@code readRatio}, otherwise writes a random value in [0, values). */
    static Workload readWrite(double readRatio, int values) {
        return rng -> rng.chance(readRatio)
                ? new Invocation("read", Value.NIL)
                : new Invocation("write", Value.of(rng.nextInt(values)));
    }
}
