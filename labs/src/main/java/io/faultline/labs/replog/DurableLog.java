package io.faultline.labs.replog;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A broker's copy of the partition's log, on its disk: it survives the broker's crashes (every
 * append is flushed, as with {@code flush.messages=1}), so the lab is about replication, not about
 * disks. Offsets start at 0; the log end offset (LEO) is the offset the next append gets.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DurableLog {
    private final List<Entry> entries = new ArrayList<>();

    DurableLog() {
    }

    /** Appends {@code e} at {@link #endOffset()}; returns its offset. */
    public long append(Entry e) {
        entries.add(e);
        return entries.size() - 1L;
    }

    /** The log end offset: how many records the log holds. */
    public long endOffset() {
        return entries.size();
    }

    /** The record at {@code offset}, which must be below {@link #endOffset()}. */
    public Entry get(long offset) {
        if (offset < 0 || offset >= entries.size()) {
            throw new IndexOutOfBoundsException("offset " + offset + " of a log of " + entries.size() + " records");
        }
        return entries.get((int) offset);
    }

    /** The epoch of the last record, or -1 when the log is empty. */
    public int lastEpoch() {
        return entries.isEmpty() ? -1 : entries.get(entries.size() - 1).epoch();
    }

    /** At most {@code max} records from {@code offset} on (none when {@code offset} is at or past the end). */
    public List<Entry> read(long offset, int max) {
        if (offset < 0 || offset >= entries.size()) {
            return List.of();
        }
        return List.copyOf(entries.subList((int) offset, (int) Math.min(entries.size(), offset + max)));
    }

    /** Removes every record at {@code offset} and above (nothing when {@code offset} is at or past the end). */
    public void truncateTo(long offset) {
        while (entries.size() > Math.max(0, offset)) {
            entries.remove(entries.size() - 1);
        }
    }
}
