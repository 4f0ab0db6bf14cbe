package io.faultline.models.kafka.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One replica of one partition: its records, log end offset, high watermark, leader-epoch cache and
 * the flushed prefix (FIDELITY C1). Offsets start at 0 (retention is not modelled).
 *
 * <p>Flushing is asynchronous (FIDELITY C2 {@code log.flush.interval.messages}; C5.3 "flushing is
 * asynchronous"): only records below {@link #flushedOffset()} survive a crash, see
 * {@link #afterCrash}.
 *
 * <pre>{@code
 * ReplicaLog log = new ReplicaLog();
 * long offset = log.appendAsLeader(0, 42, -1, -1);   // offset 0, epoch 0
 * log.setHighWatermark(1);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReplicaLog {
    private final List<LogRecord> records = new ArrayList<>();
    private final LeaderEpochCache epochs = new LeaderEpochCache();
    private final ProducerStateTable producers = new ProducerStateTable();
    private long highWatermark;
    private long flushed;

    /** The offset of the next record to append (last offset + 1), FIDELITY C1. */
    public long leo() {
        return records.size();
    }

    public long highWatermark() {
        return highWatermark;
    }

    public long flushedOffset() {
        return flushed;
    }

    public LeaderEpochCache epochs() {
        return epochs;
    }

    public ProducerStateTable producers() {
        return producers;
    }

    public LogRecord get(long offset) {
        return records.get((int) offset);
    }

    /** The records from {@code offset} (inclusive), at most {@code max} of them. */
    public List<LogRecord> read(long offset, int max) {
        int from = (int) Math.min(offset, records.size());
        int to = (int) Math.min(records.size(), (long) from + max);
        return Collections.unmodifiableList(new ArrayList<>(records.subList(from, to)));
    }

    /** The epoch of the last record, or -1 for an empty log. */
    public int lastEpoch() {
        return records.isEmpty() ? -1 : records.get(records.size() - 1).epoch();
    }

    /** Appends one record as the leader of {@code epoch}, stamping it; returns its offset. */
    public long appendAsLeader(int epoch, long value, long producerId, int sequence) {
        return append(new LogRecord(epoch, value, producerId, sequence));
    }

    /** Appends records a follower fetched; they keep the leader's epoch stamps. */
    public void appendAsFollower(List<LogRecord> fetched) {
        for (LogRecord r : fetched) {
            append(r);
        }
    }

    private long append(LogRecord r) {
        long offset = records.size();
        records.add(r);
        epochs.assign(r.epoch(), offset);
        producers.onAppend(r, offset);
        return offset;
    }

    /**
     * Removes every record at or above {@code offset}, with their epochs; the HW and the flushed
     * prefix follow it down. Returns how many records were removed.
     */
    public int truncateTo(long offset) {
        if (offset >= records.size()) {
            return 0;
        }
        int removed = records.size() - (int) offset;
        records.subList((int) offset, records.size()).clear();
        epochs.truncateFromEnd(offset);
        producers.rebuild(records);
        highWatermark = Math.min(highWatermark, offset);
        flushed = Math.min(flushed, offset);
        return removed;
    }

    /** Sets the HW, clamped to the LEO (a HW above the LEO would expose missing records). */
    public void setHighWatermark(long hw) {
        highWatermark = Math.max(0, Math.min(hw, leo()));
    }

    /** fsync: everything appended so far survives a crash. */
    public void flush() {
        flushed = records.size();
    }

    /**
     * The log a replica finds on its disk after a crash: the flushed records only, the epoch cache
     * rebuilt from them, and the high watermark from its last checkpoint (clamped to the log).
     */
    public static ReplicaLog afterCrash(ReplicaLog before, long hwCheckpoint) {
        ReplicaLog log = new ReplicaLog();
        log.appendAsFollower(before.records.subList(0, (int) before.flushed));
        log.flushed = log.leo();
        log.setHighWatermark(hwCheckpoint);
        return log;
    }

    /** Values of the records from offset 0, for tests and divergence checks. */
    public List<Long> values() {
        List<Long> out = new ArrayList<>(records.size());
        for (LogRecord r : records) {
            out.add(r.value());
        }
        return out;
    }

    /** The records from offset 0 (read-only view). */
    public List<LogRecord> records() {
        return Collections.unmodifiableList(records);
    }

    @Override
    public String toString() {
        return "log(leo=" + leo() + ", hw=" + highWatermark + ", flushed=" + flushed + ", epochs=" + epochs + ")";
    }
}
