package io.faultline.checker.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.faultline.checker.history.Value;
import us.bpsm.edn.Keyword;
import org.apiguardian.api.API;

/**
 * EDN data to {@link Value} and back, and parsing one EDN value from text (e.g. {@code --initial}).
 *
 * <p>The mapping: {@code nil} is {@link Value.Nil}, {@code true}/{@code false} {@link Value.Bool},
 * integers (that fit a {@code long}) {@link Value.Int}, strings and characters {@link Value.Str},
 * keywords {@link Value.Kw} (a namespaced {@code :a/b} keeps {@code a/b} as its name), vectors,
 * lists and sets {@link Value.Vec} (sets in the order written), maps {@link Value.MapV}. Floating
 * point numbers, symbols and tagged literals have no {@link Value} and are rejected.
 *
 * <pre>{@code
 * Value v = EdnValues.parse("--initial", "{:x 0 :y 0}");   // a MapV of two Kw keys
 * String edn = EdnValues.print(v);                          // "{:x 0, :y 0}"
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class EdnValues {

    private EdnValues() {
    }

    /** One EDN value from {@code text}; {@code source} names it in the error (a file or an option). */
    public static Value parse(String source, String text) throws HistoryFormatException {
        EdnSource edn = new EdnSource(source, text);
        int start = edn.peekFormStart();
        Optional<EdnSource.Form> form = edn.next();
        if (form.isEmpty()) {
            throw edn.errorAt(start, "expected an EDN value, found nothing");
        }
        int end = edn.peekFormStart();
        if (end < text.length()) {
            throw edn.errorAt(end, "expected one EDN value, found more after it");
        }
        try {
            return toValue(form.get().value());
        } catch (Unsupported e) {
            throw edn.errorAt(start, e.getMessage());
        }
    }

    /** The EDN text of a value, as Clojure would print it. */
    public static String print(Value value) {
        return value.toString();
    }

    /** Converts what edn-java (through {@link EdnSource}) produced. */
    static Value toValue(Object o) throws Unsupported {
        if (o == null) {
            return Value.NIL;
        }
        if (o instanceof Boolean b) {
            return Value.of(b);
        }
        if (o instanceof Long l) {
            return Value.of(l);
        }
        if (o instanceof BigInteger big) {
            if (big.bitLength() < 64) {
                return Value.of(big.longValue());
            }
            throw new Unsupported("integer " + big + " does not fit in 64 bits");
        }
        if (o instanceof String s) {
            return Value.of(s);
        }
        if (o instanceof Character c) {
            return Value.of(String.valueOf(c));
        }
        if (o instanceof Keyword k) {
            return Value.kw(keywordName(k));
        }
        if (o instanceof EdnSource.EdnMap m) {
            Map<Value, Value> entries = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : m.entries().entrySet()) {
                entries.put(toValue(e.getKey()), toValue(e.getValue()));
            }
            return new Value.MapV(entries);
        }
        if (o instanceof Collection<?> items) {
            List<Value> vs = new ArrayList<>(items.size());
            for (Object item : items) {
                vs.add(toValue(item));
            }
            return Value.vec(vs);
        }
        if (o instanceof Double || o instanceof java.math.BigDecimal) {
            throw new Unsupported("floating-point number " + o
                    + " is not supported (values are nil, booleans, integers, strings, keywords and collections)");
        }
        throw new Unsupported("unsupported EDN value " + o + " (values are nil, booleans, integers, strings,"
                + " keywords and collections)");
    }

    /** {@code name}, or {@code prefix/name} for a namespaced keyword. */
    static String keywordName(Keyword k) {
        return k.getPrefix().isEmpty() ? k.getName() : k.getPrefix() + "/" + k.getName();
    }

    /** A value with no {@link Value} counterpart; the caller adds the position. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }
}
