package io.faultline.models.kafka.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One replica of one partition: its records in segments, log start offset, log end offset, high
 * watermark, leader-epoch cache and the flushed prefix (FIDELITY C1). Segments roll by size and age
 * and retention deletes whole old segments below the HW, which moves the log start offset
 * up (FIDELITY C8.1, C8.2); {@link #deleteExpired} is called by the broker's periodic retention check.
 * On a compacted topic {@link #clean} keeps the newest record of each key in the closed segments,
 * leaving gaps at the offsets it empties (C8.4).
 * Time is the replica's own virtual clock, given by {@link #advanceClock} before appends [M22].
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
    private final SegmentPolicy policy;
    /** In offset order, contiguous; the last one is the active segment. Never empty. */
    private final List<Segment> segments = new ArrayList<>();
    private final LeaderEpochCache epochs = new LeaderEpochCache();
    private final ProducerStateTable producers = new ProducerStateTable();
    /**
     * The active segment's end, kept here: the invariants read every replica's LEO after every
     * event, and the chain list, segment, record list was about 2 % of KafkaThroughputBench's run.
     */
    private long leo;
    private long highWatermark;
    private long flushed;
    private long now;
    /** The log cleaner's checkpoint: offsets below it were covered by a pass (C8.4). */
    private long cleanedTo;
    /** Bumped by every change to the records or the log start, so observers skip an unchanged log. */
    private long changes;

    /** An empty log with Kafka's default segment and retention settings. */
    public ReplicaLog() {
        this(SegmentPolicy.KAFKA_DEFAULTS, 0);
    }

    /** An empty log whose first record will get offset {@code start}. */
    public ReplicaLog(SegmentPolicy policy, long start) {
        this.policy = policy;
        segments.add(new Segment(start));
        leo = start;
        highWatermark = start;
        flushed = start;
        cleanedTo = start;
    }

    public SegmentPolicy policy() {
        return policy;
    }

    /**
     * A number that changes whenever a record is appended or removed or the log start moves (the
     * record ledger looks at a replica again only then, instead of after every event).
     */
    public long changes() {
        return changes;
    }

    /** The replica's clock moved to {@code nanos}: later appends are stamped with it. */
    public void advanceClock(long nanos) {
        now = Math.max(now, nanos);
    }

    /** The offset of the next record to append (last offset + 1), FIDELITY C1. */
    public long leo() {
        return leo;
    }

    /** The first offset still in the log (0 until retention deletes a segment, C8.2). */
    public long logStartOffset() {
        return segments.get(0).base;
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

    /** How many segments the log has (the active one included). */
    public int segmentCount() {
        return segments.size();
    }

    /** The log's size on disk. */
    public long sizeBytes() {
        long n = 0;
        for (Segment s : segments) {
            n += s.bytes;
        }
        return n;
    }

    private Segment active() {
        return segments.get(segments.size() - 1);
    }

    /** The segment holding {@code offset} (which must lie in [log start, LEO]). */
    private int segmentIndex(long offset) {
        int hi = segments.size() - 1;
        // Most reads (followers' fetches, the ledger's checks) are at the log's tail: the active
        // segment answers them without a search.
        if (segments.get(hi).base <= offset) {
            return hi;
        }
        int lo = 0;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).base <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The record at {@code offset}, which must be in [log start, LEO); a gap the cleaner left is a {@link LogRecord.Kind#CLEANED} record. */
    public LogRecord get(long offset) {
        if (offset < logStartOffset() || offset >= leo()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside [" + logStartOffset() + ", " + leo() + ")");
        }
        Segment s = segments.get(segmentIndex(offset));
        return s.records.get((int) (offset - s.base));
    }

    /**
     * The records from {@code offset} (inclusive, at least the log start), at most {@code max} of
     * them, gaps included: the i-th is at offset {@code from + i}, and a fetch carries the gaps so
     * that readers and followers keep the offsets (C8.4).
     */
    public List<LogRecord> read(long offset, int max) {
        long from = Math.max(logStartOffset(), Math.min(offset, leo()));
        List<LogRecord> out = new ArrayList<>((int) Math.min(max, leo() - from));
        for (int i = segmentIndex(from); i < segments.size() && out.size() < max; i++) {
            Segment s = segments.get(i);
            int start = (int) (Math.max(from, s.base) - s.base);
            int end = (int) Math.min(s.records.size(), start + (long) (max - out.size()));
            out.addAll(s.records.subList(start, end));
        }
        return Collections.unmodifiableList(out);
    }

    /** The epoch of the last record, or -1 for an empty log. */
    public int lastEpoch() {
        for (int i = segments.size() - 1; i >= 0; i--) {
            List<LogRecord> r = segments.get(i).records;
            if (!r.isEmpty()) {
                return r.get(r.size() - 1).epoch();
            }
        }
        return -1;
    }

    /** Appends one keyless record, a batch of one, as the leader of {@code epoch}; returns its offset. */
    public long appendAsLeader(int epoch, long value, long producerId, int sequence) {
        return append(new LogRecord(epoch, LogRecord.NO_KEY, value, producerId, sequence, true));
    }

    /**
     * Appends a producer batch as the leader of {@code epoch}, whole (C11.1): record i gets
     * sequence {@code baseSequence + i} when idempotent. Returns the offset of the first record.
     */
    public long appendBatchAsLeader(int epoch, List<KeyValue> batch, long producerId, int baseSequence) {
        return appendBatchAsLeader(epoch, batch, producerId, baseSequence, 0, LogRecord.NOT_TRANSACTIONAL);
    }

    /** As above, for epoch {@code producerEpoch} of a producer, each record of kind {@code txn} (C12.3). */
    public long appendBatchAsLeader(int epoch, List<KeyValue> batch, long producerId, int baseSequence,
                                    int producerEpoch, int txn) {
        long first = leo();
        for (int i = 0; i < batch.size(); i++) {
            KeyValue kv = batch.get(i);
            boolean sequenced = producerId >= 0 && txn < LogRecord.COMMIT_MARKER;
            append(new LogRecord(epoch, kv.key(), kv.value(), producerId, sequenced ? baseSequence + i : -1,
                    i == batch.size() - 1, producerEpoch, txn));
        }
        return first;
    }

    /** Appends records a follower fetched; they keep the leader's epoch stamps. */
    public void appendAsFollower(List<LogRecord> fetched) {
        for (LogRecord r : fetched) {
            append(r);
        }
    }

    private long append(LogRecord r) {
        Segment s = active();
        boolean full = s.bytes + policy.recordBytes() > policy.segmentBytes();
        boolean old = s.firstAppendNanos >= 0 && now - s.firstAppendNanos >= policy.segmentMs() * 1_000_000L;
        if (!s.records.isEmpty() && (full || old)) {
            // Kafka rolls on append only: an idle active segment stays active however old (C8.1).
            s = new Segment(s.end());
            segments.add(s);
        }
        long offset = s.end();
        changes++;
        s.add(r, policy.recordBytes(), now);
        leo = offset + 1;
        epochs.assign(r.epoch(), offset);
        producers.onAppend(r, offset);
        return offset;
    }

    /**
     * Removes every record at or above {@code offset}, with their epochs; the HW and the flushed
     * prefix follow it down. Below the log start the log empties and restarts at {@code offset}.
     * Returns how many records were removed.
     */
    public int truncateTo(long offset) {
        if (offset >= leo) {
            return 0;
        }
        int removed = (int) (leo - Math.max(offset, logStartOffset()));
        changes++;
        if (offset <= logStartOffset()) {
            segments.clear();
            segments.add(new Segment(offset));
        } else {
            int i = segmentIndex(offset);
            segments.subList(i + 1, segments.size()).clear();
            segments.get(i).truncateTo(offset, policy.recordBytes());
        }
        leo = offset;
        epochs.truncateFromEnd(offset);
        rebuildProducers();
        highWatermark = Math.max(logStartOffset(), Math.min(highWatermark, offset));
        flushed = Math.max(logStartOffset(), Math.min(flushed, offset));
        cleanedTo = Math.max(logStartOffset(), Math.min(cleanedTo, offset));
        return removed;
    }

    /**
     * Empties the log and starts it again at {@code offset}: a follower whose log ends below the
     * leader's log start restarts there (Kafka's {@code truncateFullyAndStartAt}, C8.3).
     */
    public void restartAt(long offset) {
        changes++;
        segments.clear();
        segments.add(new Segment(offset));
        leo = offset;
        epochs.truncateFromEnd(Long.MIN_VALUE);
        rebuildProducers();
        highWatermark = offset;
        flushed = offset;
        cleanedTo = offset;
    }

    private void rebuildProducers() {
        List<LogRecord> all = new ArrayList<>();
        for (Segment s : segments) {
            all.addAll(s.records);
        }
        producers.rebuild(all, logStartOffset());
    }

    /**
     * The retention check at {@code nanos} (FIDELITY C8.2): deletes, oldest first, each segment that
     * lies wholly below the HW and is past {@code retention.ms} (its newest record is older) or
     * {@code retention.bytes} (the log without it is still that big). When that takes the active
     * segment too, an empty one is rolled at the LEO first, so the log keeps its end and a segment.
     * Returns the new log start offset.
     */
    public long deleteExpired(long nanos) {
        advanceClock(nanos);
        if (!policy.cleanup().delete()) {
            return logStartOffset(); // cleanup.policy=compact: retention deletes nothing (C8.4)
        }
        long size = sizeBytes();
        int n = 0;
        while (n < segments.size()) {
            Segment s = segments.get(n);
            long upper = n + 1 < segments.size() ? segments.get(n + 1).base : leo();
            boolean aged = policy.retentionMs() >= 0 && now - s.lastAppendNanos > policy.retentionMs() * 1_000_000L;
            boolean big = policy.retentionBytes() >= 0 && size - s.bytes >= policy.retentionBytes();
            if (s.records.isEmpty() || upper > highWatermark || !(aged || big)) {
                break;
            }
            size -= s.bytes;
            n++;
        }
        if (n == segments.size()) {
            segments.add(new Segment(leo()));
        }
        segments.subList(0, n).clear();
        changes += n;
        long start = logStartOffset();
        epochs.truncateFromStart(start);
        flushed = Math.max(flushed, start);
        cleanedTo = Math.max(cleanedTo, start);
        return start;
    }

    /**
     * A pass of the log cleaner at {@code nanos} if the topic compacts (FIDELITY C8.4, see
     * {@link LogCleaner}): older records of a key in the closed segments below the HW become gaps,
     * and tombstones past their delete horizon go. Returns how many records it removed.
     */
    public int clean(long nanos) {
        advanceClock(nanos);
        if (!policy.cleanup().compact()) {
            return 0;
        }
        LogCleaner.Pass pass = LogCleaner.clean(segments, highWatermark, Math.max(cleanedTo, logStartOffset()), now, policy);
        cleanedTo = pass.cleanedTo();
        if (pass.removed() > 0) {
            changes++;
        }
        return pass.removed();
    }

    /** Sets the HW, clamped to [log start, LEO] (a HW above the LEO would expose missing records). */
    public void setHighWatermark(long hw) {
        highWatermark = Math.max(logStartOffset(), Math.min(hw, leo()));
    }

    /** fsync: everything appended so far survives a crash. */
    public void flush() {
        flushed = leo();
    }

    /**
     * The log a replica finds on its disk after a crash: the flushed records only, from the same log
     * start, the epoch cache rebuilt from them, and the high watermark from its last checkpoint
     * (clamped to the log).
     */
    public static ReplicaLog afterCrash(ReplicaLog before, long hwCheckpoint) {
        ReplicaLog log = new ReplicaLog(before.policy, before.logStartOffset());
        log.advanceClock(before.now);
        log.appendAsFollower(before.read(before.logStartOffset(), (int) (before.flushed - before.logStartOffset())));
        log.flushed = log.leo();
        log.rebuildProducers();
        log.setHighWatermark(hwCheckpoint);
        return log;
    }

    /** Values of the records a reader gets from the log start (the cleaner's gaps skipped), for tests and reports. */
    public List<Long> values() {
        List<Long> out = new ArrayList<>();
        for (Segment s : segments) {
            for (LogRecord r : s.records) {
                if (r.readable()) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }

    /** The records from the log start (a copy). */
    public List<LogRecord> records() {
        return read(logStartOffset(), (int) (leo() - logStartOffset()));
    }

    @Override
    public String toString() {
        String start = logStartOffset() == 0 ? "" : "start=" + logStartOffset() + ", ";
        return "log(" + start + "leo=" + leo() + ", hw=" + highWatermark + ", flushed=" + flushed + ", epochs=" + epochs + ")";
    }
}
