package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
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
    private static String encode(Object o) {
        StringBuilder b = new StringBuilder();
        MessageEncoder.encode(o, new MessageEncoder.Sink() {
            @Override
            public void putByte(int x) {
                b.append('b').append(x).append(',');
            }

            @Override
            public void putLong(long v) {
                b.append('l').append(v).append(',');
            }

            @Override
            public void putString(String s) {
                b.append('s').append(s).append(',');
            }
        });
        return b.toString();
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
        assertEquals("b63,splain,", encode(plain));
    }
}
