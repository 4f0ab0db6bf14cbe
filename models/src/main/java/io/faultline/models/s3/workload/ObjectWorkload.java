package io.faultline.models.s3.workload;

import io.faultline.checker.history.Value;
import io.faultline.sim.Rng;
import io.faultline.sim.client.Invocation;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a recording {@link ObjectClient} does next, as history operations of the checker's
 * {@code s3-object} model: {@code put [k v]}, {@code get [k nil]}, {@code delete [k nil]}, plus
 * {@code list [prefix nil]} (checked separately). Empty means the client is done.
 *
 * <pre>{@code
 * ObjectWorkload w = ObjectWorkload.mixed(List.of("a", "b"), 0.5, 0.4, 0.1, 0.0, "c1");
 * }</pre>
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ObjectWorkload {
    Optional<Invocation> next(Rng rng);

    static Invocation put(String key, String value) {
        return new Invocation("put", Value.vec(Value.of(key), Value.of(value)));
    }

    static Invocation get(String key) {
        return new Invocation("get", Value.vec(Value.of(key), Value.NIL));
    }

    static Invocation delete(String key) {
        return new Invocation("delete", Value.vec(Value.of(key), Value.NIL));
    }

    static Invocation list(String prefix) {
        return new Invocation("list", Value.vec(Value.of(prefix), Value.NIL));
    }

    /**
     * Random operations on {@code keys}: gets, puts of values unique to this client ({@code tag}
     * and a counter), deletes and lists of the whole bucket, with these weights.
     */
    static ObjectWorkload mixed(List<String> keys, double get, double put, double delete, double list, String tag) {
        long[] n = {0};
        double total = get + put + delete + list;
        return rng -> {
            double x = rng.nextDouble() * total;
            String key = rng.pick(keys);
            if (x < get) {
                return Optional.of(get(key));
            }
            if (x < get + put) {
                return Optional.of(put(key, tag + "-" + (n[0]++)));
            }
            if (x < get + put + delete) {
                return Optional.of(delete(key));
            }
            return Optional.of(list(""));
        };
    }
}
