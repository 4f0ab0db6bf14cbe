package io.faultline.checker.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The value of an operation: a small closed set of EDN-like data, so that histories from Jepsen
 * (EDN), Porcupine (logs) and faultline (JSON Lines) share one representation and models can match
 * on it with {@code instanceof} patterns.
 *
 * <pre>{@code
 * Value cas = Value.vec(Value.of(1), Value.of(2));   // [1 2], the value of a :cas
 * if (cas instanceof Value.Vec v && v.items().size() == 2) { ... }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Value {

    /** EDN {@code nil}: absent or unknown, depending on the model. */
    record Nil() implements Value {
        @Override
        public String toString() {
            return "nil";
        }
    }

    /** EDN {@code true}/{@code false}. */
    record Bool(boolean value) implements Value {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** An integer. */
    record Int(long value) implements Value {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A string. */
    record Str(String value) implements Value {
        @Override
        public String toString() {
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    /** An EDN keyword, without its leading colon. */
    record Kw(String name) implements Value {
        @Override
        public String toString() {
            return ":" + name;
        }
    }

    /** A vector (or list, or set read as a list); immutable. */
    record Vec(List<Value> items) implements Value {
        public Vec {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(items.get(i));
            }
            return b.append(']').toString();
        }
    }

    /** A map, in the order its entries were read; immutable. */
    record MapV(Map<Value, Value> entries) implements Value {
        public MapV {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<Value, Value> e : entries.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(e.getKey()).append(' ').append(e.getValue());
            }
            return b.append('}').toString();
        }
    }

    /** The one {@code nil}. */
    Nil NIL = new Nil();

    static Value of(long value) {
        return new Int(value);
    }

    static Value of(String value) {
        return new Str(value);
    }

    static Value of(boolean value) {
        return new Bool(value);
    }

    static Value kw(String name) {
        return new Kw(name);
    }

    static Value vec(Value... items) {
        return new Vec(List.of(items));
    }

    static Value vec(List<Value> items) {
        return new Vec(new ArrayList<>(items));
    }

    /** True for {@code nil}. */
    default boolean isNil() {
        return this instanceof Nil;
    }
}
