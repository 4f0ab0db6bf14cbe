package io.faultline.models.kafka.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * One segment of a replica's log: consecutive offsets from {@code base}, their size on disk (the
 * records a reader gets; a slot the cleaner emptied takes none), the virtual times of its first and
 * newest append (what segment.ms and retention.ms measure, C8.1) and of the first cleaner pass that
 * covered it (when its tombstones' delete horizon starts, C8.4).
 */
final class Segment {
    final long base;
    final List<LogRecord> records = new ArrayList<>();
    long bytes;
    long firstAppendNanos = -1;
    long lastAppendNanos = -1;
    long firstCleanedNanos = -1;

    Segment(long base) {
        this.base = base;
    }

    long end() {
        return base + records.size();
    }

    void add(LogRecord r, int recordBytes, long now) {
        records.add(r);
        if (r.readable()) {
            bytes += recordBytes;
        }
        if (firstAppendNanos < 0) {
            firstAppendNanos = now;
        }
        lastAppendNanos = now;
    }

    /** The cleaner removed the record at index {@code i}: its offset stays, as a gap. */
    void clean(int i, int recordBytes) {
        records.set(i, records.get(i).cleaned());
        bytes -= recordBytes;
    }

    /** Keeps the records below {@code offset}. */
    void truncateTo(long offset, int recordBytes) {
        records.subList((int) (offset - base), records.size()).clear();
        bytes = 0;
        for (LogRecord r : records) {
            bytes += r.readable() ? recordBytes : 0;
        }
    }
}
