package io.faultline.models.kafka.server;

import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import io.faultline.models.kafka.rules.LogRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
        Property.forAll(Gen.listOf(RECORD, 1, 70)).named("segment-codec-round-trip").tries(300).verify(records -> {
            byte[] bytes = new SegmentCodec().encode(records, 0, records.size());
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
        byte[] bytes = new SegmentCodec().encode(List.of(LogRecord.plain(3, 1_234_567)), 0, 1);
        assertTrue(bytes.length <= 8, "a keyless record without producer id took " + bytes.length + " bytes");
    }
}
