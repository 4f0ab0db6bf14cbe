package io.faultline.checker.model;

import io.faultline.checker.history.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The models shipped with faultline, by the name {@code faultline check --model NAME} uses.
 *
 * <table>
 *   <caption>Models</caption>
 *   <tr><th>name</th><th>ops</th><th>initial state (default)</th></tr>
 *   <tr><td>register</td><td>read, write</td><td>any value (nil)</td></tr>
 *   <tr><td>cas-register</td><td>read, write, cas [old new]</td><td>any value (nil)</td></tr>
 *   <tr><td>cas-register-etcd</td><td>read, write, cas [old new]</td><td>any value (nil = absent)</td></tr>
 *   <tr><td>multi-register</td><td>txn [[f k v] ...], read [k v], write [k v]</td><td>map (empty)</td></tr>
 *   <tr><td>mutex</td><td>acquire, release</td><td>true when held (false)</td></tr>
 *   <tr><td>set</td><td>add v, read [v ...]</td><td>vector of elements (empty)</td></tr>
 *   <tr><td>fifo-queue</td><td>enqueue v, dequeue v</td><td>vector, head first (empty)</td></tr>
 *   <tr><td>unordered-queue</td><td>enqueue v, dequeue v</td><td>vector (empty)</td></tr>
 *   <tr><td>kv</td><td>get/put/append [k "s"], split per key</td><td>map (empty: get reads "")</td></tr>
 *   <tr><td>s3-object</td><td>get/put/delete [k v], split per key</td><td>map (empty: get reads nil)</td></tr>
 * </table>
 *
 * <pre>{@code
 * Model<?> m = Models.byName("cas-register");              // default initial state
 * Model<?> n = Models.byName("register", Value.of(0));     // the register starts at 0
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Models {
    private static final List<String> NAMES = List.of("register", "cas-register", "cas-register-etcd",
            "multi-register", "mutex", "set", "fifo-queue", "unordered-queue", "kv", "s3-object");

    private Models() {
    }

    /** The names {@link #byName} accepts, in documentation order. */
    public static List<String> names() {
        return NAMES;
    }

    /** The model called {@code name}, from its default initial state. */
    public static Model<?> byName(String name) {
        return byName(name, Value.NIL);
    }

    /**
     * The model called {@code name} starting from {@code initial} ({@code nil} for the default).
     *
     * @throws IllegalArgumentException naming the model and listing the known names, or naming the
     *                                  bad initial value and the expected shape
     */
    public static Model<?> byName(String name, Value initial) {
        switch (name) {
            case "register":
                return new RegisterModel(initial);
            case "cas-register":
                return CasRegisterModel.knossos(initial);
            case "cas-register-etcd":
                return CasRegisterModel.etcd(initial);
            case "multi-register":
                return new MultiRegisterModel(map(name, initial));
            case "mutex":
                if (initial.isNil()) {
                    return new MutexModel(false);
                }
                if (initial instanceof Value.Bool b) {
                    return new MutexModel(b.value());
                }
                throw badInitial(name, initial, "true or false");
            case "set":
                return new SetModel(Set.copyOf(list(name, initial)));
            case "fifo-queue":
                return new FifoQueueModel(list(name, initial));
            case "unordered-queue":
                return new UnorderedQueueModel(list(name, initial));
            case "kv":
                return new KvModel(map(name, initial));
            case "s3-object":
                return new S3ObjectModel(map(name, initial));
            default:
                throw new IllegalArgumentException("unknown model '" + name + "'; known models: "
                        + String.join(", ", NAMES));
        }
    }

    private static List<Value> list(String name, Value initial) {
        if (initial.isNil()) {
            return List.of();
        }
        if (initial instanceof Value.Vec v) {
            return v.items();
        }
        throw badInitial(name, initial, "a vector");
    }

    private static Map<Value, Value> map(String name, Value initial) {
        if (initial.isNil()) {
            return Map.of();
        }
        if (initial instanceof Value.MapV m) {
            return m.entries();
        }
        throw badInitial(name, initial, "a map");
    }

    private static IllegalArgumentException badInitial(String name, Value initial, String shape) {
        return new IllegalArgumentException("initial state " + initial + " for model " + name
                + " must be " + shape);
    }
}
