package io.faultline.models.kafka.rules;

import org.apiguardian.api.API;

/**
 * One entry of a partition's aborted-transaction index (KIP-98, FIDELITY C12.3): producer
 * {@code producerId}'s transaction whose first record is at {@code firstOffset} and whose ABORT
 * marker is at {@code lastOffset}. A read_committed consumer drops that producer's records in the range.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AbortedTxn(long producerId, long firstOffset, long lastOffset) {
    /** Whether {@code r}, at {@code offset}, is one of this transaction's data records. */
    public boolean covers(LogRecord r, long offset) {
        return r.producerId() == producerId && offset >= firstOffset && offset < lastOffset;
    }
}
