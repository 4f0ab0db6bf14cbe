package io.faultline.models.kafka.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * One segment of a replica's log: consecutive records from {@code base}, their size on disk, and the
 * virtual times of its first and newest append (what segment.ms and retention.ms measure, C8.1).
 */
final class Segment {
    final long base;
    final List<LogRecord> records = new ArrayList<>();
    long bytes;
    long firstAppendNanos = -1;
    long lastAppendNanos = -1;

    Segment(long base) {
        this.base = base;
    }

    long end() {
        return base + records.size();
    }

    void add(LogRecord r, int recordBytes, long now) {
        records.add(r);
        bytes += recordBytes;
        if (firstAppendNanos < 0) {
            firstAppendNanos = now;
        }
        lastAppendNanos = now;
    }

    /** Keeps the records below {@code offset}. */
    void truncateTo(long offset, int recordBytes) {
        records.subList((int) (offset - base), records.size()).clear();
        bytes = (long) records.size() * recordBytes;
    }
}
