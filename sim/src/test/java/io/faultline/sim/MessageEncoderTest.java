package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MessageEncoderTest {
    enum Kind { PUT, GET }

    record Inner(String key, Optional<Long> version) {
    }

    record Req(Kind kind, long id, double weight, boolean flag, List<Inner> items, byte[] body) implements Message {
    }

    record Other(Kind kind, long id, double weight, boolean flag, List<Inner> items, byte[] body) implements Message {
    }

    /** Writes what it receives as text, to compare encodings. */
    private static final class Recorder implements MessageEncoder.Sink {
        final StringBuilder b = new StringBuilder();

        @Override
        public void putByte(int x) {
            b.append('b').append(x).append(',');
        }

        @Override
        public void putInt(int v) {
            b.append('i').append(v).append(',');
        }

        @Override
        public void putLong(long v) {
            b.append('l').append(v).append(',');
        }

        @Override
        public void putString(String s) {
            b.append('s').append(s).append(',');
        }

        @Override
        public void putBytes(byte[] bytes) {
            b.append('y').append(Arrays.toString(bytes)).append(',');
        }
    }

    private static String encode(Object o) {
        Recorder r = new Recorder();
        new MessageEncoder(r).encode(o);
        return r.b.toString();
    }

    private static Req req(Kind kind, long id, String key, Optional<Long> version, byte body) {
        return new Req(kind, id, 0.5, true, List.of(new Inner(key, version)), new byte[] {body});
    }

    @Test
    void equalContentsEncodeAlikeAndAnyDifferenceShows() {
        String base = encode(req(Kind.PUT, 1, "k", Optional.of(3L), (byte) 1));
        assertEquals(base, encode(req(Kind.PUT, 1, "k", Optional.of(3L), (byte) 1)));
        assertNotEquals(base, encode(req(Kind.GET, 1, "k", Optional.of(3L), (byte) 1)));
        assertNotEquals(base, encode(req(Kind.PUT, 2, "k", Optional.of(3L), (byte) 1)));
        assertNotEquals(base, encode(req(Kind.PUT, 1, "j", Optional.of(3L), (byte) 1)));
        assertNotEquals(base, encode(req(Kind.PUT, 1, "k", Optional.empty(), (byte) 1)));
        assertNotEquals(base, encode(req(Kind.PUT, 1, "k", Optional.of(3L), (byte) 2)));
    }

    @Test
    void recordsOfDifferentTypesWithTheSameComponentsDiffer() {
        Req r = req(Kind.PUT, 1, "k", Optional.of(3L), (byte) 1);
        Other o = new Other(r.kind(), r.id(), r.weight(), r.flag(), r.items(), r.body());
        assertNotEquals(encode(r), encode(o));
    }

    @Test
    void nonRecordMessagesFallBackToTheirText() {
        Message plain = new Message() {
            @Override
            public String toString() {
                return "plain";
            }
        };
        assertEquals("b63,b83,splain,", encode(plain));
    }

    record Wide(int small, long big, boolean flag, char letter, float ratio) {
    }

    @Test
    void primitiveComponentsAreReadWithoutLosingBits() {
        String base = encode(new Wide(1, 1L << 40, true, 'a', 0.25f));
        assertEquals(base, encode(new Wide(1, 1L << 40, true, 'a', 0.25f)));
        assertNotEquals(base, encode(new Wide(2, 1L << 40, true, 'a', 0.25f)));
        assertNotEquals(base, encode(new Wide(1, 1L << 41, true, 'a', 0.25f)));
        assertNotEquals(base, encode(new Wide(1, 1L << 40, false, 'a', 0.25f)));
        assertNotEquals(base, encode(new Wide(1, 1L << 40, true, 'b', 0.25f)));
        assertNotEquals(base, encode(new Wide(1, 1L << 40, true, 'a', 0.5f)));
    }

    @Test
    void longStringsEncodeByContentWhetherOrNotTheCacheKnowsThem() {
        String text = "KeyState{null=obj:etag-0001@1500.3.7 v2=marker@1600.1.2 }";
        String copy = new String(text.toCharArray());
        Recorder r = new Recorder();
        MessageEncoder shared = new MessageEncoder(r);
        shared.encode(text);
        String first = r.b.toString();
        r.b.setLength(0);
        shared.encode(copy);
        assertEquals(first, r.b.toString(), "a cache hit encodes like a miss");
        assertEquals(first, encode(copy), "a fresh encoder encodes alike");
        assertTrue(first.startsWith("b72,"), first);
        // One character changed anywhere, or one more character, changes the fingerprint.
        for (int i = 0; i < text.length(); i++) {
            char[] cs = text.toCharArray();
            cs[i] = (char) (cs[i] ^ 1);
            assertNotEquals(first, encode(new String(cs)), "change at " + i);
        }
        assertNotEquals(first, encode(text + " "));
        assertNotEquals(first, encode(text.substring(1)));
    }

    @Test
    void mapsEncodeTheirEntriesInIterationOrder() {
        Map<String, Long> ab = new LinkedHashMap<>();
        ab.put("a", 1L);
        ab.put("b", 2L);
        Map<String, Long> ba = new LinkedHashMap<>();
        ba.put("b", 2L);
        ba.put("a", 1L);
        assertEquals(encode(ab), encode(new LinkedHashMap<>(ab)));
        assertNotEquals(encode(ab), encode(ba));
        assertNotEquals(encode(Map.of("a", 1L)), encode(Map.of("a", 2L)));
    }
}
