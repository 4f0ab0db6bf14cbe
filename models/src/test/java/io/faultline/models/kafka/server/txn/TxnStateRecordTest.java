package io.faultline.models.kafka.server.txn;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A transaction's state survives its trip through one record value (FIDELITY C12.2). */
class TxnStateRecordTest {
    @Test
    void everyFieldSurvivesEncoding() {
        for (TxnState s : TxnState.values()) {
            TxnStateRecord r = new TxnStateRecord(7, 32767, s, Set.of(0, 3, 29));
            assertEquals(r, TxnStateRecord.decode(r.encode()));
        }
        assertEquals(new TxnStateRecord(0, 0, TxnState.EMPTY, Set.of()),
                TxnStateRecord.decode(new TxnStateRecord(0, 0, TxnState.EMPTY, Set.of()).encode()));
    }

    @Test
    void outOfRangeFieldsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TxnStateRecord(0, 1 << 15, TxnState.EMPTY, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new TxnStateRecord(0, 0, TxnState.ONGOING, Set.of(30)));
    }

    @Test
    void theStatePartitionIsKafkasAbsHashModuloPartitions() {
        assertEquals(Math.abs("job".hashCode()) % 50, TxnStateRecord.partitionFor("job", 50));
        // "polygenelubricants" hashes to Integer.MIN_VALUE: Kafka's Utils.abs maps it to 0.
        assertEquals(0, TxnStateRecord.partitionFor("polygenelubricants", 50));
    }
}
