package io.faultline.checker.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes ops as bytes and reads them back, losslessly, so that a recorded history costs a few bytes
 * per op instead of a tree of objects (issue 18: about 540 bytes per Kafka record as objects). An op
 * is its type (with a bit for "has a time"), process, interned function name, time as a delta from
 * the previous timed op of the same page, then its value, tagged; integers are zig-zag varints and
 * function and keyword names are numbers in a {@link Names} table.
 */
final class OpCodec {
    private static final int NIL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int INT = 3;
    private static final int STR = 4;
    private static final int KW = 5;
    private static final int VEC = 6;
    private static final int MAP = 7;
    private static final int HAS_TIME = 0x80;
    private static final OpType[] TYPES = OpType.values();

    private OpCodec() {
    }

    /** The interned names (functions and keywords) of one store; appended to, never changed. */
    interface Names {
        int id(String name);

        String name(int id);
    }

    /** A growable byte array that ops are written to. */
    static final class Out {
        byte[] bytes = new byte[4096];
        int length;

        void byte1(int b) {
            if (length == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, 2 * length);
            }
            bytes[length++] = (byte) b;
        }

        void varlong(long zigzag) {
            long v = zigzag;
            while ((v & ~0x7FL) != 0) {
                byte1((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            byte1((int) v);
        }

        void signed(long v) {
            varlong((v << 1) ^ (v >> 63));
        }

        void clear() {
            length = 0;
        }
    }

    /** A cursor over one page's bytes. */
    static final class In {
        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        int byte1() {
            return bytes[at++] & 0xFF;
        }

        long varlong() {
            long v = 0;
            int shift = 0;
            while (true) {
                int b = byte1();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
                shift += 7;
            }
        }

        long signed() {
            long z = varlong();
            return (z >>> 1) ^ -(z & 1);
        }

        String chars(int n) {
            char[] c = new char[n];
            for (int i = 0; i < n; i++) {
                c[i] = (char) varlong();
            }
            return new String(c);
        }
    }

    /** Writes {@code op}; {@code previousTime} is the last timed op's time in this page (0 at its start). */
    static void write(Out out, Op op, long previousTime, Names names) {
        out.byte1(op.type().ordinal() | (op.time().isPresent() ? HAS_TIME : 0));
        out.signed(op.process());
        out.varlong(names.id(op.f()));
        if (op.time().isPresent()) {
            out.signed(op.time().getAsLong() - previousTime);
        }
        value(out, op.value(), names);
    }

    /** Reads the op at position {@code index}; see {@link #write} for {@code previousTime}. */
    static Op read(In in, long index, long previousTime, Names names) {
        int head = in.byte1();
        int process = (int) in.signed();
        String f = names.name((int) in.varlong());
        OptionalLong time = (head & HAS_TIME) != 0 ? OptionalLong.of(previousTime + in.signed()) : OptionalLong.empty();
        return new Op(index, process, TYPES[head & 0x7F], f, value(in, names), time);
    }

    private static void value(Out out, Value v, Names names) {
        if (v instanceof Value.Nil) {
            out.byte1(NIL);
        } else if (v instanceof Value.Bool b) {
            out.byte1(b.value() ? TRUE : FALSE);
        } else if (v instanceof Value.Int i) {
            out.byte1(INT);
            out.signed(i.value());
        } else if (v instanceof Value.Str s) {
            // UTF-16 units as varints, not UTF-8: a string may hold a lone surrogate, which UTF-8 would lose.
            String text = s.value();
            out.byte1(STR);
            out.varlong(text.length());
            for (int i = 0; i < text.length(); i++) {
                out.varlong(text.charAt(i));
            }
        } else if (v instanceof Value.Kw k) {
            out.byte1(KW);
            out.varlong(names.id(k.name()));
        } else if (v instanceof Value.Vec vec) {
            out.byte1(VEC);
            out.varlong(vec.items().size());
            for (Value item : vec.items()) {
                value(out, item, names);
            }
        } else if (v instanceof Value.MapV m) {
            out.byte1(MAP);
            out.varlong(m.entries().size());
            for (Map.Entry<Value, Value> e : m.entries().entrySet()) {
                value(out, e.getKey(), names);
                value(out, e.getValue(), names);
            }
        }
    }

    private static Value value(In in, Names names) {
        int tag = in.byte1();
        switch (tag) {
            case NIL:
                return Value.NIL;
            case FALSE:
                return new Value.Bool(false);
            case TRUE:
                return new Value.Bool(true);
            case INT:
                return new Value.Int(in.signed());
            case STR:
                return new Value.Str(in.chars((int) in.varlong()));
            case KW:
                return new Value.Kw(names.name((int) in.varlong()));
            case VEC: {
                int n = (int) in.varlong();
                List<Value> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(value(in, names));
                }
                return new Value.Vec(items);
            }
            case MAP: {
                int n = (int) in.varlong();
                Map<Value, Value> entries = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Value k = value(in, names);
                    entries.put(k, value(in, names));
                }
                return new Value.MapV(entries);
            }
            default:
                throw new IllegalStateException("corrupt history page: value tag " + tag);
        }
    }
}
