package io.faultline.models.kafka.rules;

import org.apiguardian.api.API;

/**
 * One record of a partition's log, stamped with the leader epoch it was appended in (KIP-101,
 * FIDELITY C5.2: "each record batch is stamped with the leader epoch"), its key ({@link #NO_KEY}
 * for none, FIDELITY C11.2) and, for idempotent producers, the producer id and sequence number
 * (FIDELITY C6); {@code producerId} is -1 otherwise. {@code batchEnd} marks the last record of
 * the producer batch it was appended with: batches are appended whole (C11.1), and the broker's
 * producer state remembers batches, not records. {@code kind} says whether the record carries a
 * value, is a tombstone (a null value: delete the key, FIDELITY C8.4), or is a slot the log cleaner
 * emptied: offsets never move, so a cleaned record stays in the log as a gap that readers skip
 * (C8.4) and that keeps its epoch for the epoch cache.
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
public record LogRecord(int epoch, long key, long value, long producerId, int sequence, boolean batchEnd, Kind kind,
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

    /** A record with a value, outside any transaction. */
    public LogRecord(int epoch, long key, long value, long producerId, int sequence, boolean batchEnd) {
        this(epoch, key, value, producerId, sequence, batchEnd, Kind.DATA, 0, NOT_TRANSACTIONAL);
    }

    /** A record of the given kind, outside any transaction. */
    public LogRecord(int epoch, long key, long value, long producerId, int sequence, boolean batchEnd, Kind kind) {
        this(epoch, key, value, producerId, sequence, batchEnd, kind, 0, NOT_TRANSACTIONAL);
    }

    /** A record with a value written by producer epoch {@code producerEpoch}, {@code txn} saying what it is to a transaction. */
    public LogRecord(int epoch, long key, long value, long producerId, int sequence, boolean batchEnd,
                     int producerEpoch, int txn) {
        this(epoch, key, value, producerId, sequence, batchEnd, Kind.DATA, producerEpoch, txn);
    }

    /** Whether this is a COMMIT or ABORT marker: consumers never hand it to the application (C12.3). */
    public boolean control() {
        return txn >= COMMIT_MARKER;
    }

    /** What a record holds (FIDELITY C8.4). */
    public enum Kind {
        /** A key (or none) and a value. */
        DATA,
        /** A key and a null value: the key is deleted once compaction has run and delete.retention.ms passed. */
        TOMBSTONE,
        /** Removed by the log cleaner: an offset that readers skip. */
        CLEANED
    }

    public static LogRecord plain(int epoch, long value) {
        return new LogRecord(epoch, NO_KEY, value, -1, -1, true);
    }

    /**
     * A tombstone for {@code key}, a batch of one; {@code value} only names it in the model's
     * history (values are unique per run), the record's payload is null.
     */
    public static LogRecord tombstone(int epoch, long key, long value) {
        return new LogRecord(epoch, key, value, -1, -1, true, Kind.TOMBSTONE);
    }

    /** This record as the cleaner leaves it: the same offset, epoch and producer stamps, no record to read. */
    public LogRecord cleaned() {
        return new LogRecord(epoch, key, value, producerId, sequence, batchEnd, Kind.CLEANED, producerEpoch, txn);
    }

    /** The same record, whether or not the cleaner emptied either slot (replicas compact on their own, C8.4). */
    public boolean sameSlot(LogRecord other) {
        return equals(other) || cleaned().equals(other.cleaned());
    }

    /** Whether a reader gets this record (every kind but {@link Kind#CLEANED}). */
    public boolean readable() {
        return kind != Kind.CLEANED;
    }

    public boolean idempotent() {
        return producerId >= 0;
    }

    public boolean hasKey() {
        return key != NO_KEY;
    }
}
