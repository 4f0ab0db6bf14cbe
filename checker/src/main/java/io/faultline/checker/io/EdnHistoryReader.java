package io.faultline.checker.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.TaggedValue;

/**
 * Reads Jepsen/Knossos EDN histories, and Porcupine's key-value EDN lines.
 *
 * <p>The top level holds op maps, either bare (a stream, one per line as Jepsen's {@code history.edn})
 * or inside vectors or lists (Knossos' test data). An op map has {@code :process} (an integer, or
 * {@code :nemesis} for fault events, which are skipped), {@code :type} ({@code :invoke :ok :fail
 * :info}), {@code :f} (a keyword or string), and optionally {@code :value} (default {@code nil}) and
 * {@code :time} (nanoseconds). {@code :index} and any other key ({@code :error}, ...) are ignored:
 * the history is renumbered from 0 in file order. A tagged map ({@code #jepsen.history.Op{...}}) is
 * read as its map.
 *
 * <p>In keyed mode (Porcupine's kv files) each map also has a {@code :key}, and the op's value
 * becomes {@code [key value]}, Jepsen's "independent" tuple, which keyed models split on.
 */
final class EdnHistoryReader {
    private static final Keyword PROCESS = Keyword.newKeyword("process");
    private static final Keyword TYPE = Keyword.newKeyword("type");
    private static final Keyword F = Keyword.newKeyword("f");
    private static final Keyword VALUE = Keyword.newKeyword("value");
    private static final Keyword TIME = Keyword.newKeyword("time");
    private static final Keyword KEY = Keyword.newKeyword("key");
    private static final Keyword NEMESIS = Keyword.newKeyword("nemesis");

    private final String source;
    private final EdnSource edn;
    private final boolean keyed;
    private final List<Op> ops = new ArrayList<>();
    private final List<SourcePosition> positions = new ArrayList<>();

    private EdnHistoryReader(String source, String text, boolean keyed) {
        this.source = source;
        this.edn = new EdnSource(source, text);
        this.keyed = keyed;
    }

    static HistoryFile read(String source, String text, boolean keyed) throws HistoryFormatException {
        return new EdnHistoryReader(source, text, keyed).readAll();
    }

    private HistoryFile readAll() throws HistoryFormatException {
        while (true) {
            int start = edn.peekFormStart();
            Optional<EdnSource.Form> form = edn.next();
            if (form.isEmpty()) {
                break;
            }
            Object f = unwrapTag(form.get().value());
            if (f instanceof EdnSource.EdnMap m) {
                addOp(m);
            } else if (f instanceof EdnSource.EdnList list) {
                for (int i = 0; i < list.size(); i++) {
                    if (unwrapTag(list.get(i)) instanceof EdnSource.EdnMap m) {
                        addOp(m);
                    } else {
                        throw edn.errorAt(list.offsetOf(i), "expected an op map, found " + describe(list.get(i)));
                    }
                }
            } else {
                throw edn.errorAt(start, "expected an op map or a vector of op maps, found " + describe(f));
            }
        }
        return new HistoryFile(source, keyed ? HistoryFormat.PORCUPINE_KV : HistoryFormat.EDN,
                History.of(ops), positions);
    }

    private static Object unwrapTag(Object o) {
        return o instanceof TaggedValue t && t.getValue() instanceof EdnSource.EdnMap ? t.getValue() : o;
    }

    private void addOp(EdnSource.EdnMap m) throws HistoryFormatException {
        Map<Object, Object> e = m.entries();
        Object process = require(m, PROCESS);
        if (NEMESIS.equals(process)) {
            return;
        }
        if (!(process instanceof Long p) || p < Integer.MIN_VALUE || p > Integer.MAX_VALUE) {
            throw edn.errorAt(m.offset(), ":process must be an integer or :nemesis, found " + describe(process));
        }
        OpType type = opType(m, require(m, TYPE));
        String f = function(m, require(m, F));
        Value value = value(m, e.get(VALUE));
        if (keyed) {
            value = Value.vec(value(m, require(m, KEY)), value);
        }
        OptionalLong time = OptionalLong.empty();
        if (e.containsKey(TIME)) {
            if (!(e.get(TIME) instanceof Long t)) {
                throw edn.errorAt(m.offset(), ":time must be an integer (nanoseconds), found " + describe(e.get(TIME)));
            }
            time = OptionalLong.of(t);
        }
        ops.add(new Op(ops.size(), p.intValue(), type, f, value, time));
        positions.add(edn.positionOf(m.offset()));
    }

    private Object require(EdnSource.EdnMap m, Keyword key) throws HistoryFormatException {
        if (!m.entries().containsKey(key)) {
            throw edn.errorAt(m.offset(), "op map has no " + key
                    + (keyed ? " (porcupine-kv ops have :process, :type, :f, :key and :value)"
                             : " (an op has :process, :type and :f, optionally :value and :time)"));
        }
        return m.entries().get(key);
    }

    private OpType opType(EdnSource.EdnMap m, Object type) throws HistoryFormatException {
        if (type instanceof Keyword k && k.getPrefix().isEmpty()) {
            Optional<OpType> t = OpType.fromKeyword(k.getName());
            if (t.isPresent()) {
                return t.get();
            }
        }
        throw edn.errorAt(m.offset(), "unknown op type " + describe(type) + " (allowed: :invoke, :ok, :fail, :info)");
    }

    private String function(EdnSource.EdnMap m, Object f) throws HistoryFormatException {
        if (f instanceof Keyword k) {
            return EdnValues.keywordName(k);
        }
        if (f instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw edn.errorAt(m.offset(), ":f must be a keyword such as :read, found " + describe(f));
    }

    private Value value(EdnSource.EdnMap m, Object v) throws HistoryFormatException {
        try {
            return EdnValues.toValue(v);
        } catch (EdnValues.Unsupported u) {
            throw edn.errorAt(m.offset(), u.getMessage());
        }
    }

    static String describe(Object o) {
        if (o == null) {
            return "nil";
        }
        if (o instanceof EdnSource.EdnMap) {
            return "a map";
        }
        if (o instanceof List<?>) {
            return "a vector or list";
        }
        if (o instanceof java.util.Set<?>) {
            return "a set";
        }
        if (o instanceof String s) {
            return '"' + s + '"';
        }
        return o.toString();
    }
}
