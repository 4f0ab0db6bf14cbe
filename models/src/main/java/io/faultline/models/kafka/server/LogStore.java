package io.faultline.models.kafka.server;

import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.rules.SegmentPolicy;
import io.faultline.sim.Disk;
import io.faultline.sim.DiskRead;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A partition's log on a broker's disk, as segment files of {@link #SEGMENT_RECORDS} records
 * (FIDELITY C8: a log is a sequence of segments; the size is a modelling choice, [M21]), plus the
 * broker's high-watermark checkpoint file. Appends are buffered by the disk until an fsync; a crash
 * loses what was not synced (C2 {@code log.flush.interval.messages}: durability comes from
 * replication, not fsync).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LogStore {
    /** Records per segment file [M21]; small so that appending copies little. */
    static final int SEGMENT_RECORDS = 64;
    static final String HW_CHECKPOINT = "replication-offset-checkpoint";

    private static final String ZEROS = "00000000000000000000";
    private final Disk disk;
    private final int partition;
    private final String prefix;
    private final SegmentCodec codec = new SegmentCodec();

    LogStore(Disk disk, int partition) {
        this.disk = disk;
        this.partition = partition;
        this.prefix = "p" + partition + "/";
    }

    /**
     * The offset the log (re)started at: files hold {@link #SEGMENT_RECORDS} records from there on,
     * and each is named after the first offset it holds, as Kafka names segment files.
     */
    private long origin;

    private long fileBase(long offset) {
        return offset - Math.floorMod(offset - origin, SEGMENT_RECORDS);
    }

    /** The last segment named, since appends go to the same segment 64 times in a row. */
    private long namedBase = -1;
    private String namedSegment = "";

    private String segment(long base) {
        if (base != namedBase) {
            String digits = Long.toString(base);
            namedSegment = prefix + ZEROS.substring(digits.length()) + digits + ".log";
            namedBase = base;
        }
        return namedSegment;
    }

    /** Writes {@code records}, which start at {@code offset}, to their segments (buffered). */
    void append(long offset, List<LogRecord> records) {
        int i = 0;
        while (i < records.size()) {
            long at = offset + i;
            long base = fileBase(at);
            int n = (int) Math.min(records.size() - i, base + SEGMENT_RECORDS - at);
            disk.append(segment(base), codec.encode(records, i, i + n));
            i += n;
        }
    }

    /** Removes records at or above {@code offset} from the disk (buffered like any write). */
    void truncate(long offset, long oldLeo) {
        long base = fileBase(offset);
        if (offset != base) {
            DiskRead r = disk.read(segment(base));
            if (r instanceof DiskRead.Ok ok) {
                SegmentCodec.Reader records = new SegmentCodec.Reader(ok.bytes());
                for (long o = base; o < offset && records.hasNext(); o++) {
                    records.next();
                }
                disk.write(segment(base), java.util.Arrays.copyOf(ok.bytes(), records.position()));
            }
            base += SEGMENT_RECORDS;
        }
        for (long b = base; b < oldLeo; b += SEGMENT_RECORDS) {
            disk.delete(segment(b));
        }
    }

    /** Retention moved the log start to {@code start}: files wholly below it are deleted (C8.2). */
    void deleteBelow(long start) {
        for (String file : disk.list()) {
            if (file.startsWith(prefix) && baseOf(file) + SEGMENT_RECORDS <= start) {
                disk.delete(file);
            }
        }
    }

    /** The log restarted empty at {@code offset} (C8.3): every file goes. */
    void restartAt(long offset) {
        for (String file : disk.list()) {
            if (file.startsWith(prefix)) {
                disk.delete(file);
            }
        }
        origin = offset;
    }

    private long baseOf(String file) {
        return Long.parseLong(file.substring(prefix.length(), file.length() - 4));
    }

    /**
     * The log found on disk: segments read in order from the first one (whose base is the log start
     * offset, up to a file's worth below the one before the crash [M21]) up to the first gap, short
     * or corrupt segment, with the checkpointed HW clamped to it.
     */
    ReplicaLog recover(long hwCheckpoint, SegmentPolicy policy) {
        ReplicaLog log = null;
        for (String file : disk.list()) {
            if (!file.startsWith(prefix)) {
                continue;
            }
            long base = baseOf(file);
            if (log == null) {
                log = new ReplicaLog(policy, base);
                origin = base;
            }
            if (base != log.leo()) {
                break;
            }
            if (!(disk.read(file) instanceof DiskRead.Ok ok)) {
                break;
            }
            SegmentCodec.Reader records = new SegmentCodec.Reader(ok.bytes());
            List<LogRecord> recs = new ArrayList<>();
            while (records.hasNext()) {
                recs.add(records.next());
            }
            log.appendAsFollower(recs);
            if (recs.size() < SEGMENT_RECORDS) {
                break;
            }
        }
        if (log == null) {
            log = new ReplicaLog(policy, 0);
        }
        log.flush();
        log.setHighWatermark(hwCheckpoint);
        return log;
    }

    /** Replaces the broker's HW checkpoint file (partition to HW). */
    static void writeHwCheckpoint(Disk disk, Map<Integer, Long> hws) {
        ByteBuffer b = ByteBuffer.allocate(hws.size() * 12);
        hws.forEach((p, hw) -> b.putInt(p).putLong(hw));
        disk.write(HW_CHECKPOINT, b.array());
    }

    static Map<Integer, Long> readHwCheckpoint(Disk disk) {
        Map<Integer, Long> out = new TreeMap<>();
        if (disk.read(HW_CHECKPOINT) instanceof DiskRead.Ok ok) {
            ByteBuffer b = ByteBuffer.wrap(ok.bytes());
            while (b.remaining() >= 12) {
                out.put(b.getInt(), b.getLong());
            }
        }
        return out;
    }
}
