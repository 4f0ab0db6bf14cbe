package io.faultline.models.kafka.rules;

import org.apiguardian.api.API;

/**
 * One record of a partition's log, stamped with the leader epoch it was appended in (KIP-101,
 * FIDELITY C5.2: "each record batch is stamped with the leader epoch"), its key ({@link #NO_KEY}
 * for none, FIDELITY C11.2) and, for idempotent producers, the producer id and sequence number
 * (FIDELITY C6); {@code producerId} is -1 otherwise. {@code batchEnd} marks the last record of
 * the producer batch it was appended with: batches are appended whole (C11.1), and the broker's
 * producer state remembers batches, not records.
 *
 * <pre>{@code
 * LogRecord r = LogRecord.plain(0, 42);   // value 42 written in leader epoch 0, no key, a batch of one
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LogRecord(int epoch, long key, long value, long producerId, int sequence, boolean batchEnd) {
    /** The key of a record without one. */
    public static final long NO_KEY = Long.MIN_VALUE;

    public static LogRecord plain(int epoch, long value) {
        return new LogRecord(epoch, NO_KEY, value, -1, -1, true);
    }

    public boolean idempotent() {
        return producerId >= 0;
    }

    public boolean hasKey() {
        return key != NO_KEY;
    }
}
