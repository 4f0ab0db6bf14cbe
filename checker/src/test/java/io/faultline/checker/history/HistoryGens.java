package io.faultline.checker.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.faultline.gen.Gen;

/** Generators of ops and values for the history round-trip properties (seeded, see {@code gen/}). */
public final class HistoryGens {
    private static final String NAME_START = "abcdefghijklmnopqrstuvwxyz";
    private static final String NAME_REST = NAME_START + "0123456789-?!*";
    /** Quotes, backslashes, blanks and non-ASCII: what escaping has to get right. */
    private static final String TEXT = "ab \"\\\t\n:;{}[]#,é€😀";

    private static final Gen<String> NAMES = Gen.zip(Gen.elements(chars(NAME_START)), Gen.strings(NAME_REST, 0, 8),
            (first, rest) -> first + rest);

    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>();
        s.chars().forEach(c -> out.add((char) c));
        return out;
    }

    private static Gen<Value> leaves() {
        return Gen.oneOf(
                Gen.constant(Value.NIL),
                Gen.booleans().map(Value::of),
                Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE, 0).map(Value::of),
                Gen.longs(-5, 5, 0).map(Value::of),
                Gen.strings(TEXT, 0, 6).map(Value::of),
                NAMES.map(Value::kw));
    }

    /** Values nested at most {@code depth} deep: every kind, with the texts escaping has to get right. */
    public static Gen<Value> values(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Gen<Value> inner = Gen.lazy(() -> values(depth - 1));
        Gen<Value> vec = inner.list(0, 3).map(Value::vec);
        Gen<Value> map = Gen.tuple(leaves(), inner).list(0, 3).map(entries -> {
            Map<Value, Value> m = new LinkedHashMap<>();
            entries.forEach(e -> m.put(e.first(), e.second()));
            return new Value.MapV(m);
        });
        return Gen.frequency(Gen.weighted(4, leaves()), Gen.weighted(1, vec), Gen.weighted(1, map));
    }

    /** Ops of any type, with or without a time, with values of depth at most 2. */
    public static final Gen<Op> OPS = Gen.zip(
            Gen.tuple(Gen.integers(0, 20), Gen.elements(OpType.values()), NAMES),
            Gen.tuple(values(2), Gen.longs(0, 1_000_000_000_000L).optional()),
            (a, b) -> new Op(0, a.first(), a.second(), a.third(), b.first(),
                    b.second().map(OptionalLong::of).orElse(OptionalLong.empty())));

    private HistoryGens() {
    }
}
