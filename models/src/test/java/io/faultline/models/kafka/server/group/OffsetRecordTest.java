package io.faultline.models.kafka.server.group;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The __consumer_offsets record and the coordinator's partition (FIDELITY C7.1, C7.6). */
class OffsetRecordTest {
    @Test
    void aRecordSurvivesItsEncoding() {
        OffsetRecord r = new OffsetRecord(3, 17, 123_456_789L);
        assertEquals(r, OffsetRecord.decode(r.encode()));
    }

    @Test
    void theCoordinatorPartitionIsTheAbsoluteStringHashModuloTheTopicsPartitions() {
        assertEquals("g".hashCode() % 50, OffsetRecord.partitionFor("g", 50));
        // A negative hash: Kafka takes its absolute value first.
        int h = "group-9".hashCode();
        assertEquals(Math.abs(h) % 50, OffsetRecord.partitionFor("group-9", 50));
        // Kafka's Utils.abs maps Integer.MIN_VALUE (this string's hash) to 0, where Math.abs stays negative.
        assertEquals(Integer.MIN_VALUE, "polygenelubricants".hashCode());
        assertEquals(0, OffsetRecord.partitionFor("polygenelubricants", 50));
    }

    @Test
    void anOffsetTooLargeForTheRecordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OffsetRecord(0, 0, 1L << 40));
    }
}
