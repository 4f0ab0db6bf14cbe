package io.faultline.models.s3.workload;

import io.faultline.checker.history.Value;
import io.faultline.sim.Rng;
import io.faultline.sim.client.Invocation;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a recording {@link ObjectClient} does next, as history operations of the checker's
 * {@code s3-object} model: {@code put [k v]}, {@code get [k nil]}, {@code delete [k nil]},
 * {@code cas [k [old new]]} (a conditional put, FIDELITY A7.2), plus {@code list [prefix nil]}
 * (checked separately). Empty means the client is done.
 *
 * <pre>{@code
 * ObjectWorkload w = ObjectWorkload.mixed(List.of("a", "b"), 0.5, 0.4, 0.1, 0.0, "c1");
 * }</pre>
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ObjectWorkload {
    Optional<Invocation> next(Rng rng);

    /** The client learnt that {@code key} holds {@code content} ({@code nil}: absent); ignored by default. */
    default void observed(String key, Value content) {
    }

    static Invocation put(String key, String value) {
        return new Invocation("put", Value.vec(Value.of(key), Value.of(value)));
    }

    static Invocation get(String key) {
        return new Invocation("get", Value.vec(Value.of(key), Value.NIL));
    }

    static Invocation delete(String key) {
        return new Invocation("delete", Value.vec(Value.of(key), Value.NIL));
    }

    /** A put of {@code value} only if {@code key} holds {@code expected} ({@code nil}: only if absent). */
    static Invocation cas(String key, Value expected, String value) {
        return new Invocation("cas", Value.vec(Value.of(key), Value.vec(expected, Value.of(value))));
    }

    static Invocation list(String prefix) {
        return new Invocation("list", Value.vec(Value.of(prefix), Value.NIL));
    }

    /**
     * Random operations on {@code keys}: gets, puts of values unique to this client ({@code tag}
     * and a counter), deletes and lists of the whole bucket, with these weights.
     */
    static ObjectWorkload mixed(List<String> keys, double get, double put, double delete, double list, String tag) {
        return new ObjectMix(keys, get, put, 0, delete, list, tag);
    }

    /** As {@link #mixed}, with conditional puts of weight {@code cas} expecting what the client last saw ({@link ObjectMix}). */
    static ObjectWorkload withConditionalPuts(List<String> keys, double get, double put, double cas, double delete,
                                              double list, String tag) {
        return new ObjectMix(keys, get, put, cas, delete, list, tag);
    }
}
