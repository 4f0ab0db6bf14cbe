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
 *
 * A transactional producer's records also carry its producer epoch and {@link #txn} says what the
 * record is to a transaction (KIP-98, FIDELITY C12.3): plain, transactional data, or a COMMIT or
 * ABORT control record (a marker), which takes an offset but holds no application value.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LogRecord(int epoch, long key, long value, long producerId, int sequence, boolean batchEnd,
                        int producerEpoch, int txn) {
    /** The key of a record without one. */
    public static final long NO_KEY = Long.MIN_VALUE;
    /** {@link #txn} of a record outside any transaction. */
    public static final int NOT_TRANSACTIONAL = 0;
    /** {@link #txn} of a transactional producer's data record. */
    public static final int TRANSACTIONAL = 1;
    /** {@link #txn} of a COMMIT marker (C12.3). */
    public static final int COMMIT_MARKER = 2;
    /** {@link #txn} of an ABORT marker (C12.3). */
    public static final int ABORT_MARKER = 3;

    /** A record outside any transaction. */
    public LogRecord(int epoch, long key, long value, long producerId, int sequence, boolean batchEnd) {
        this(epoch, key, value, producerId, sequence, batchEnd, 0, NOT_TRANSACTIONAL);
    }

    /** Whether this is a COMMIT or ABORT marker: consumers never hand it to the application (C12.3). */
    public boolean control() {
        return txn >= COMMIT_MARKER;
    }

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
