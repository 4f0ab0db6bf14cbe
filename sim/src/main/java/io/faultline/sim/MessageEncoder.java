package io.faultline.sim;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Feeds a message's (or timer's) contents to the trace hash without building its {@code toString()} (which for
 * records goes through {@code String.format} and would dominate the cost of an event). Records are
 * encoded component by component through cached accessors; anything else falls back to its
 * {@code toString()}. The encoding carries the same information as the text, so two runs hash
 * alike exactly when their messages print alike.
 */
final class MessageEncoder {
    interface Sink {
        void putByte(int b);

        void putLong(long v);

        void putString(String s);
    }

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    /** How to read one record type: a fingerprint of its name and an accessor per component. */
    private record Shape(long nameHash, MethodHandle[] getters) {
    }

    private static final Shape UNREADABLE = new Shape(0, new MethodHandle[0]);

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            MethodHandle[] out = new MethodHandle[rc.length];
            for (int i = 0; i < rc.length; i++) {
                try {
                    java.lang.reflect.Method m = rc[i].getAccessor();
                    m.setAccessible(true);
                    out[i] = MethodHandles.lookup().unreflect(m).asType(GETTER);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return UNREADABLE;
                }
            }
            long h = 0xCBF29CE484222325L;
            for (char c : type.getName().toCharArray()) {
                h = (h ^ c) * 0x100000001B3L;
            }
            return new Shape(h, out);
        }
    };

    private MessageEncoder() {
    }

    static void encode(Object value, Sink sink) {
        if (value == null) {
            sink.putByte('n');
        } else if (value instanceof Long v) {
            sink.putByte('J');
            sink.putLong(v);
        } else if (value instanceof Integer v) {
            sink.putByte('I');
            sink.putLong(v);
        } else if (value instanceof String s) {
            sink.putByte('S');
            sink.putString(s);
        } else if (value instanceof Double d) {
            sink.putByte('D');
            sink.putLong(Double.doubleToLongBits(d));
        } else if (value instanceof Boolean b) {
            sink.putByte(b ? 'T' : 'F');
        } else if (value instanceof Enum<?> e) {
            sink.putByte('E');
            sink.putString(e.name());
        } else if (value instanceof Record r) {
            encodeRecord(r, sink);
        } else if (value instanceof Collection<?> c) {
            sink.putByte('[');
            sink.putLong(c.size());
            for (Object o : c) {
                encode(o, sink);
            }
        } else if (value instanceof Optional<?> o) {
            sink.putByte('O');
            encode(o.orElse(null), sink);
        } else if (value instanceof byte[] bytes) {
            sink.putByte('B');
            sink.putLong(bytes.length);
            for (byte b : bytes) {
                sink.putByte(b);
            }
        } else if (value instanceof Map<?, ?>) {
            // Maps print in their own iteration order; the determinism rules keep that stable.
            sink.putByte('M');
            sink.putString(value.toString());
        } else {
            sink.putByte('?');
            sink.putString(value.toString());
        }
    }

    private static void encodeRecord(Record r, Sink sink) {
        Class<?> type = r.getClass();
        Shape shape = SHAPES.get(type);
        if (shape == UNREADABLE) {
            sink.putByte('?');
            sink.putString(r.toString());
            return;
        }
        sink.putByte('R');
        sink.putLong(shape.nameHash());
        for (MethodHandle g : shape.getters()) {
            try {
                encode(g.invokeExact((Object) r), sink);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("cannot read a component of " + type.getName(), t);
            }
        }
    }
}
