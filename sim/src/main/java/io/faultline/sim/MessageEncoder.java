package io.faultline.sim;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Feeds a message's (or timer's) contents to the trace hash without building its {@code toString()} (which for
 * records goes through {@code String.format} and would dominate the cost of an event).
 *
 * <p>Records are encoded component by component through accessors cached per class and typed per
 * component, so a {@code long} component is read without boxing; the record's class name (as a
 * fingerprint) fixes the layout, so primitive components need no tags. Long strings (at least
 * {@link #LONG_STRING} chars) are fed as a 128-bit fingerprint of their characters, remembered in a
 * small cache keyed by content: a model that sends the same state text in thousands of messages
 * (e.g. S3 scan replies) pays for hashing it once. Anything else falls back to its
 * {@code toString()}. Equal contents always encode alike (the cache changes the cost, never the
 * bytes), and contents that print differently encode differently (up to a 2^-128 fingerprint
 * collision between two long strings).
 */
final class MessageEncoder {
    /** Where the encoding goes (the trace's hash buffer, or a test's recorder). */
    interface Sink {
        void putByte(int b);

        void putInt(int v);

        void putLong(long v);

        /** The string's length and characters, verbatim. */
        void putString(String s);

        void putBytes(byte[] bytes);
    }

    /** Strings this long or longer are fed as a fingerprint. */
    static final int LONG_STRING = 16;
    private static final int CACHE_SLOTS = 4096;

    private static final byte LONG = 0;
    private static final byte INT = 1;
    private static final byte BOOLEAN = 2;
    private static final byte DOUBLE = 3;
    private static final byte FLOAT = 4;
    private static final byte REF = 5;

    /** How to read one record type: a fingerprint of its name and a typed accessor per component. */
    private record Shape(long nameHash, byte[] kinds, MethodHandle[] getters) {
    }

    private static final Shape UNREADABLE = new Shape(0, new byte[0], new MethodHandle[0]);

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return shapeOf(type);
        }
    };

    private static final int BOXED_LONG = 0;
    private static final int BOXED_INT = 1;
    private static final int ENUM = 2;
    private static final int OPTIONAL = 3;
    private static final int COLLECTION = 4;
    private static final int BOXED_DOUBLE = 5;
    private static final int BOXED_BOOLEAN = 6;
    private static final int BYTES = 7;
    private static final int LONGS = 8;
    private static final int INTS = 9;
    private static final int MAP = 10;
    private static final int ARRAY = 11;
    private static final int TEXT = 12;

    /** How to encode a value of a class that is neither a String nor a record. */
    private static final ClassValue<Integer> KINDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return kindOf(type);
        }
    };

    private final Sink sink;
    private Class<?> lastType;
    private Shape lastShape = UNREADABLE;
    private String[] cachedStrings;
    private long[] cachedPrints;

    MessageEncoder(Sink sink) {
        this.sink = sink;
    }

    void encode(Object value) {
        // The two commonest cases first; the rest by a kind cached per class, because failed
        // instanceof tests against interfaces (Collection, Map) are slow on a hot path.
        if (value instanceof String s) {
            encodeString(s);
            return;
        }
        if (value instanceof Record r) {
            encodeRecord(r);
            return;
        }
        encodeOther(value);
    }

    /** Everything but strings and records: a method of its own, so that {@link #encode} is small enough to inline. */
    private void encodeOther(Object value) {
        if (value == null) {
            sink.putByte('n');
            return;
        }
        switch (KINDS.get(value.getClass())) {
            case BOXED_LONG:
                sink.putByte('J');
                sink.putLong((Long) value);
                break;
            case BOXED_INT:
                sink.putByte('I');
                sink.putInt((Integer) value);
                break;
            case ENUM:
                sink.putByte('E');
                sink.putString(((Enum<?>) value).name());
                break;
            case OPTIONAL:
                sink.putByte('O');
                encode(((Optional<?>) value).orElse(null));
                break;
            case COLLECTION:
                encodeCollection((Collection<?>) value);
                break;
            case BOXED_DOUBLE:
                sink.putByte('D');
                sink.putLong(Double.doubleToLongBits((Double) value));
                break;
            case BOXED_BOOLEAN:
                sink.putByte((Boolean) value ? 'T' : 'F');
                break;
            case BYTES:
                byte[] bytes = (byte[]) value;
                sink.putByte('B');
                sink.putInt(bytes.length);
                sink.putBytes(bytes);
                break;
            case LONGS:
                long[] longs = (long[]) value;
                sink.putByte('L');
                sink.putInt(longs.length);
                for (long v : longs) {
                    sink.putLong(v);
                }
                break;
            case INTS:
                int[] ints = (int[]) value;
                sink.putByte('N');
                sink.putInt(ints.length);
                for (int v : ints) {
                    sink.putInt(v);
                }
                break;
            case MAP:
                // In the map's own iteration order, as it prints; the determinism rules keep that stable.
                Map<?, ?> m = (Map<?, ?>) value;
                sink.putByte('M');
                sink.putInt(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    encode(e.getKey());
                    encode(e.getValue());
                }
                break;
            case ARRAY:
                Object[] array = (Object[]) value;
                sink.putByte('A');
                sink.putInt(array.length);
                for (Object o : array) {
                    encode(o);
                }
                break;
            default:
                sink.putByte('?');
                encodeString(value.toString());
                break;
        }
    }

    private void encodeCollection(Collection<?> c) {
        sink.putByte('[');
        int n = c.size();
        sink.putInt(n);
        if (c instanceof List<?> list && c instanceof RandomAccess) {
            for (int i = 0; i < n; i++) {
                encode(list.get(i));
            }
        } else {
            for (Object o : c) {
                encode(o);
            }
        }
    }

    private void encodeString(String s) {
        if (s.length() < LONG_STRING) {
            sink.putByte('S');
            sink.putString(s);
            return;
        }
        if (cachedStrings == null) {
            cachedStrings = new String[CACHE_SLOTS];
            cachedPrints = new long[2 * CACHE_SLOTS];
        }
        int slot = s.hashCode() & (CACHE_SLOTS - 1);
        String known = cachedStrings[slot];
        if (known != s && !s.equals(known)) {
            fingerprint(s, cachedPrints, 2 * slot);
            cachedStrings[slot] = s;
        }
        sink.putByte('H');
        sink.putLong(cachedPrints[2 * slot]);
        sink.putLong(cachedPrints[2 * slot + 1]);
    }

    private void encodeRecord(Record r) {
        // Runs of one message type are common (a model's hot path sends one kind): the last shape is
        // checked before the ClassValue's lookup.
        Class<?> type = r.getClass();
        Shape shape;
        if (type == lastType) {
            shape = lastShape;
        } else {
            shape = SHAPES.get(type);
            lastType = type;
            lastShape = shape;
        }
        if (shape == UNREADABLE) {
            sink.putByte('?');
            encodeString(r.toString());
            return;
        }
        sink.putByte('R');
        sink.putLong(shape.nameHash());
        encodeComponents(r, shape);
    }

    /** The record's components in order, primitives unboxed (apart from the header, so each part inlines). */
    private void encodeComponents(Record r, Shape shape) {
        byte[] kinds = shape.kinds();
        MethodHandle[] getters = shape.getters();
        try {
            for (int i = 0; i < kinds.length; i++) {
                MethodHandle g = getters[i];
                switch (kinds[i]) {
                    case LONG:
                        sink.putLong((long) g.invokeExact((Object) r));
                        break;
                    case INT:
                        sink.putInt((int) g.invokeExact((Object) r));
                        break;
                    case BOOLEAN:
                        sink.putByte((boolean) g.invokeExact((Object) r) ? 1 : 0);
                        break;
                    case DOUBLE:
                        sink.putLong(Double.doubleToLongBits((double) g.invokeExact((Object) r)));
                        break;
                    case FLOAT:
                        sink.putInt(Float.floatToIntBits((float) g.invokeExact((Object) r)));
                        break;
                    default:
                        encode((Object) g.invokeExact((Object) r));
                        break;
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read a component of " + r.getClass().getName(), t);
        }
    }

    private static int kindOf(Class<?> type) {
        if (type == Long.class) {
            return BOXED_LONG;
        } else if (type == Integer.class) {
            return BOXED_INT;
        } else if (Enum.class.isAssignableFrom(type)) {
            return ENUM;
        } else if (type == Optional.class) {
            return OPTIONAL;
        } else if (Collection.class.isAssignableFrom(type)) {
            return COLLECTION;
        } else if (type == Double.class) {
            return BOXED_DOUBLE;
        } else if (type == Boolean.class) {
            return BOXED_BOOLEAN;
        } else if (type == byte[].class) {
            return BYTES;
        } else if (type == long[].class) {
            return LONGS;
        } else if (type == int[].class) {
            return INTS;
        } else if (Map.class.isAssignableFrom(type)) {
            return MAP;
        } else if (Object[].class.isAssignableFrom(type)) {
            return ARRAY;
        }
        return TEXT;
    }

    private static Shape shapeOf(Class<?> type) {
        RecordComponent[] rc = type.getRecordComponents();
        byte[] kinds = new byte[rc.length];
        MethodHandle[] getters = new MethodHandle[rc.length];
        for (int i = 0; i < rc.length; i++) {
            Class<?> t = rc[i].getType();
            Class<?> as;
            if (t == long.class) {
                kinds[i] = LONG;
                as = long.class;
            } else if (t == int.class || t == short.class || t == byte.class || t == char.class) {
                kinds[i] = INT;
                as = int.class;
            } else if (t == boolean.class) {
                kinds[i] = BOOLEAN;
                as = boolean.class;
            } else if (t == double.class) {
                kinds[i] = DOUBLE;
                as = double.class;
            } else if (t == float.class) {
                kinds[i] = FLOAT;
                as = float.class;
            } else {
                kinds[i] = REF;
                as = Object.class;
            }
            try {
                java.lang.reflect.Method m = rc[i].getAccessor();
                m.setAccessible(true);
                getters[i] = MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(as, Object.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return UNREADABLE;
            }
        }
        long h = 0xCBF29CE484222325L;
        for (char c : type.getName().toCharArray()) {
            h = (h ^ c) * 0x100000001B3L;
        }
        return new Shape(h, kinds, getters);
    }

    /**
     * A 128-bit fingerprint of the string's characters (two multiply-rotate lanes over four chars
     * at a time, each mixed into the other, then a final avalanche): not cryptographic, but any
     * accidental difference between two runs changes it except with probability about 2^-128.
     */
    static void fingerprint(String s, long[] out, int at) {
        int n = s.length();
        long h1 = 0x9E3779B97F4A7C15L ^ n;
        long h2 = 0xC2B2AE3D27D4EB4FL ^ ((long) n << 32);
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long w = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48;
            h1 = lane(h1, h2, w, 0x87C37B91114253D5L, 31, 27);
            h2 = lane(h2, h1, w, 0x4CF5AD432745937FL, 33, 31);
        }
        long w = 0;
        for (int shift = 0; i < n; i++, shift += 16) {
            w |= (long) s.charAt(i) << shift;
        }
        h1 = lane(h1, h2, w, 0x87C37B91114253D5L, 31, 27);
        h2 = lane(h2, h1, w, 0x4CF5AD432745937FL, 33, 31);
        h1 = avalanche(h1 + h2);
        h2 = avalanche(h2 + h1);
        out[at] = h1;
        out[at + 1] = h2;
    }

    private static long lane(long h, long other, long w, long k, int r1, int r2) {
        long m = Long.rotateLeft(w * k, r1) * 0x9E3779B97F4A7C15L;
        return Long.rotateLeft(h ^ m, r2) * 5 + other + 0x52DCE729L;
    }

    private static long avalanche(long h) {
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
