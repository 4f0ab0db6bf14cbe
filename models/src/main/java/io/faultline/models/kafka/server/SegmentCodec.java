package io.faultline.models.kafka.server;

import io.faultline.models.kafka.rules.LogRecord;

import java.util.List;

/**
 * The bytes of a record in a segment file: a flag byte, then zig-zag varints of the epoch, the key
 * (only if the record has one), the value, and the producer id with its epoch and the sequence
 * (only if the record has a producer). Within one append, a record after the first stores its epoch
 * and value as differences from the record before it, so a keyless record of a batch without a
 * producer takes three bytes where fixed-width fields took 33: the simulated disks hold every
 * replica's copy of the log on the heap (issue 18: about a third of a long run's live heap), and an
 * append copies the segment's bytes so far. An append stands alone (its first record is written
 * whole), so a lost or refused append leaves the file readable.
 */
final class SegmentCodec {
    /** The most bytes one record can take: the flag byte, three 10-byte and two 5-byte varints. */
    static final int MAX_RECORD_BYTES = 1 + 3 * 10 + 2 * 5;

    private static final int BATCH_END = 1;
    private static final int TXN_SHIFT = 1;
    private static final int KIND_SHIFT = 3;
    private static final int HAS_KEY = 1 << 5;
    /** No producer: id -1, sequence -1, producer epoch 0 (neither is written). */
    private static final int NO_PRODUCER = 1 << 6;
    /** The epoch and value are differences from the record before (in the same append). */
    private static final int DELTA = 1 << 7;
    /** Producer ids stay below 2^48; the producer epoch rides above them on disk (C12.1). */
    private static final int PID_BITS = 48;
    private static final LogRecord.Kind[] KINDS = LogRecord.Kind.values();

    /** Where records are encoded before the exact bytes are copied out, reused by every append. */
    private byte[] scratch = new byte[0];

    /** Encodes {@code records[from, to)}; the bytes are exactly as long as they need to be. */
    byte[] encode(List<LogRecord> records, int from, int to) {
        int most = (to - from) * MAX_RECORD_BYTES;
        if (scratch.length < most) {
            scratch = new byte[most];
        }
        int pos = 0;
        LogRecord previous = null;
        for (int i = from; i < to; i++) {
            LogRecord r = records.get(i);
            pos = write(scratch, pos, r, previous);
            previous = r;
        }
        return java.util.Arrays.copyOf(scratch, pos);
    }

    private static int write(byte[] buf, int at, LogRecord r, LogRecord previous) {
        int pos = at;
        boolean hasKey = r.key() != LogRecord.NO_KEY;
        boolean noProducer = r.producerId() == -1 && r.sequence() == -1 && r.producerEpoch() == 0;
        boolean delta = previous != null;
        buf[pos++] = (byte) ((r.batchEnd() ? BATCH_END : 0) | r.txn() << TXN_SHIFT | r.kind().ordinal() << KIND_SHIFT
                | (hasKey ? HAS_KEY : 0) | (noProducer ? NO_PRODUCER : 0) | (delta ? DELTA : 0));
        pos = varlong(buf, pos, delta ? (long) r.epoch() - previous.epoch() : r.epoch());
        if (hasKey) {
            pos = varlong(buf, pos, r.key());
        }
        pos = varlong(buf, pos, delta ? r.value() - previous.value() : r.value());
        if (noProducer) {
            return pos;
        }
        // A negative producer id (none) is written as such, so that every id reads back unchanged.
        long pid = r.producerId();
        pos = varlong(buf, pos, pid >= 0 ? pid | ((long) r.producerEpoch() << PID_BITS) : pid);
        return varlong(buf, pos, r.sequence());
    }

    private static int varlong(byte[] buf, int at, long signed) {
        int pos = at;
        long v = (signed << 1) ^ (signed >> 63);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
        return pos;
    }

    /** Reads records from a segment file's bytes, one at a time. */
    static final class Reader {
        private final byte[] bytes;
        private int pos;
        private long epoch;
        private long value;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean hasNext() {
            return pos < bytes.length;
        }

        /** Where the next record starts. */
        int position() {
            return pos;
        }

        LogRecord next() {
            int flags = bytes[pos++] & 0xFF;
            boolean delta = (flags & DELTA) != 0;
            epoch = delta ? epoch + varlong() : varlong();
            long key = (flags & HAS_KEY) != 0 ? varlong() : LogRecord.NO_KEY;
            value = delta ? value + varlong() : varlong();
            long pid = -1;
            int sequence = -1;
            if ((flags & NO_PRODUCER) == 0) {
                pid = varlong();
                sequence = (int) varlong();
            }
            int producerEpoch = pid < 0 ? 0 : (int) (pid >>> PID_BITS);
            long id = pid < 0 ? pid : pid & ((1L << PID_BITS) - 1);
            return new LogRecord((int) epoch, key, value, id, sequence, (flags & BATCH_END) != 0,
                    KINDS[(flags >> KIND_SHIFT) & 3], producerEpoch, (flags >> TXN_SHIFT) & 3);
        }

        private long varlong() {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[pos++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return (v >>> 1) ^ -(v & 1);
        }
    }
}
