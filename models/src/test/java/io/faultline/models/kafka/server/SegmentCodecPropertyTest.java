package io.faultline.models.kafka.server;

import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import io.faultline.models.kafka.rules.LogRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A segment file reads back exactly the records written to it, whatever their fields (keyless or
 * keyed, with or without a producer id, extreme values), and a reader stops between records, which
 * is where truncation cuts a file.
 */
class SegmentCodecPropertyTest {
    private static final Gen<Long> WIDE = Gen.oneOf(Gen.longs(-300, 300),
            Gen.elements(Long.MIN_VALUE + 1, Long.MAX_VALUE, -1L, 0L, 1L << 40));

    private static final Gen<LogRecord> RECORD = Gen.tuple(
            Gen.tuple(Gen.integers(0, Integer.MAX_VALUE), Gen.oneOf(Gen.constant(LogRecord.NO_KEY), WIDE), WIDE),
            Gen.tuple(Gen.oneOf(Gen.constant(-1L), Gen.longs(0, (1L << 48) - 1)), Gen.integers(-1, Integer.MAX_VALUE),
                    Gen.booleans()),
            Gen.tuple(Gen.elements(LogRecord.Kind.values()), Gen.integers(0, Short.MAX_VALUE), Gen.integers(0, 3)))
            .map(t -> {
                long pid = t.second().first();
                return new LogRecord(t.first().first(), t.first().second(), t.first().third(), pid,
                        t.second().second(), t.second().third(), t.third().first(), pid < 0 ? 0 : t.third().second(),
                        t.third().third());
            });

    @Test
    void recordsReadBackAsWritten() {
        // Two appends to one file: the second's first record is written whole, the rest as differences.
        Property.forAll(Gen.listOf(RECORD, 1, 70), Gen.integers(0, 70)).named("segment-codec-round-trip")
                .tries(300).verify(t -> {
                    List<LogRecord> records = t.first();
                    int split = Math.min(t.second(), records.size());
                    SegmentCodec codec = new SegmentCodec();
                    byte[] one = codec.encode(records, 0, split);
                    byte[] two = codec.encode(records, split, records.size());
                    byte[] bytes = Arrays.copyOf(one, one.length + two.length);
                    System.arraycopy(two, 0, bytes, one.length, two.length);
                    SegmentCodec.Reader reader = new SegmentCodec.Reader(bytes);
                    List<LogRecord> back = new ArrayList<>();
                    while (reader.hasNext()) {
                        back.add(reader.next());
                    }
                    assertEquals(records, back);
                });
    }

    @Test
    void aTypicalRecordTakesAFractionOfTheFixedWidth() {
        byte[] alone = new SegmentCodec().encode(List.of(LogRecord.plain(3, 1_234_567)), 0, 1);
        assertTrue(alone.length <= 6, "a keyless record without producer took " + alone.length + " bytes");
        List<LogRecord> batch = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            batch.add(LogRecord.plain(3, 1_234_567 + 3 * i));
        }
        byte[] bytes = new SegmentCodec().encode(batch, 0, batch.size());
        assertTrue(bytes.length <= 6 + 32 * 3, "a batch of 33 such records took " + bytes.length + " bytes");
    }
}
