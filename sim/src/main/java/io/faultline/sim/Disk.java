package io.faultline.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32C;
import org.apiguardian.api.API;

/**
 * A host's disk: named files of bytes, with a durable (synced) view and a volatile (unsynced) one.
 * Writes are buffered; {@link #fsync(Timer)} makes every write made so far durable after the fsync
 * latency, then fires the given timer on the process ({@link #fsync(String, Timer)} does it for one
 * file). Reads see the process's own writes.
 *
 * <p>Faults: a crash loses every write not covered by a completed fsync; {@link #corrupt} damages a
 * file so that its checksum no longer matches and {@link #read} returns {@link DiskRead.Corrupt};
 * {@link #full(boolean)} (or a capacity) makes writes return {@link DiskWrite#FULL}.
 *
 * <pre>{@code
 * Disk d = ctx.disk();
 * if (d.append("wal", record) == DiskWrite.FULL) { reject(); return; }
 * d.fsync(new WalSynced(offset));       // acknowledge in onTimer(WalSynced): durable by then
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Disk {
    private record Stored(byte[] data, long checksum) {
    }

    private static final Stored DELETED = new Stored(new byte[0], -1);

    private final Simulation sim;
    private final Host host;
    private final TreeMap<String, Stored> synced = new TreeMap<>();
    private final TreeMap<String, Stored> unsynced = new TreeMap<>();
    private long fsyncNanos = Simulation.MILLIS;
    private long capacityBytes = Long.MAX_VALUE;
    private boolean full;

    Disk(Simulation sim, Host host) {
        this.sim = sim;
        this.host = host;
    }

    /** Replaces the file's contents (buffered until fsync). */
    public DiskWrite write(String file, byte[] bytes) {
        // Only a disk with a capacity needs the file's current size; looking it up on every write
        // was 8.5 % of S3StrongBench's profile.
        long growth = capacityBytes == Long.MAX_VALUE ? 0 : bytes.length - size(file);
        if (!fits(growth)) {
            return DiskWrite.FULL;
        }
        unsynced.put(file, stored(bytes.clone()));
        return DiskWrite.OK;
    }

    /** Appends to the file, creating it if needed (buffered until fsync). */
    public DiskWrite append(String file, byte[] bytes) {
        if (!fits(bytes.length)) {
            return DiskWrite.FULL;
        }
        byte[] old = current(file).map(Stored::data).orElse(new byte[0]);
        byte[] joined = Arrays.copyOf(old, old.length + bytes.length);
        System.arraycopy(bytes, 0, joined, old.length, bytes.length);
        unsynced.put(file, stored(joined));
        return DiskWrite.OK;
    }

    /** Deletes the file (buffered until fsync, like a real unlink without a directory fsync). */
    public void delete(String file) {
        unsynced.put(file, DELETED);
    }

    /** The file as this host sees it now, checked against its checksum. */
    public DiskRead read(String file) {
        java.util.Optional<Stored> s = current(file);
        if (s.isEmpty()) {
            return new DiskRead.Missing(file);
        }
        Stored st = s.get();
        if (checksum(st.data()) != st.checksum()) {
            return new DiskRead.Corrupt(file);
        }
        return new DiskRead.Ok(st.data().clone());
    }

    /** True if the file exists in the current view. */
    public boolean exists(String file) {
        return current(file).isPresent();
    }

    /** Names of the files in the current view, sorted. */
    public List<String> list() {
        TreeSet<String> names = new TreeSet<>(synced.keySet());
        for (Map.Entry<String, Stored> e : unsynced.entrySet()) {
            if (e.getValue() == DELETED) {
                names.remove(e.getKey());
            } else {
                names.add(e.getKey());
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Makes every write made so far durable after the fsync latency, then fires {@code done} on the
     * process (as {@code onTimer}). If the host crashes first, those writes may be lost.
     */
    public void fsync(Timer done) {
        startSync(java.util.Objects.requireNonNull(done));
    }

    /** Like {@link #fsync(Timer)} with nothing to notify. */
    public void fsync() {
        startSync(null);
    }

    /**
     * Like {@link #fsync(Timer)} for one file only (an {@code fsync(fd)}): other files' buffered
     * writes stay volatile.
     */
    public void fsync(String file, Timer done) {
        startSync(file, java.util.Objects.requireNonNull(done));
    }

    /** Like {@link #fsync(String, Timer)} with nothing to notify. */
    public void fsync(String file) {
        startSync(file, null);
    }

    /** Makes every write durable immediately (for setup and tests, not for models). */
    public void syncNow() {
        apply(new TreeMap<>(unsynced));
    }

    /** Sets how long an fsync takes (default 1 ms). */
    public void fsyncLatency(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("fsync latency must not be negative");
        }
        fsyncNanos = nanos;
    }

    /** Sets the disk's size; writes that would exceed it return FULL. */
    public void capacity(long bytes) {
        capacityBytes = bytes;
    }

    /** Fault: makes every write fail with FULL (true) or restores normal writes (false). */
    public void full(boolean isFull) {
        if (!sim.admits(new FaultCall.DiskFull(host.name(), isFull))) {
            return;
        }
        full = isFull;
        sim.recordFault(host.id().index(), isFull ? "disk full" : "disk not full");
    }

    /**
     * Fault: damages the stored bytes of {@code file} (durable and buffered copies) so that the next
     * read reports {@link DiskRead.Corrupt}. Returns false if there is no such file.
     */
    public boolean corrupt(String file) {
        if (!sim.admits(new FaultCall.DiskCorrupt(host.name(), file))) {
            return false;
        }
        boolean any = corruptIn(synced, file) | corruptIn(unsynced, file);
        if (any) {
            sim.recordFault(host.id().index(), "disk corrupt " + file);
        }
        return any;
    }

    /**
     * Fault: the disk is replaced by an empty one (a machine or volume swapped after a failure):
     * every file, synced or not, is gone. Only while the host is down, since a live process would
     * see its files vanish under it, which no real replacement does.
     */
    public void wipe() {
        if (!sim.admits(new FaultCall.DiskWipe(host.name()))) {
            return;
        }
        if (host.isUp()) {
            throw new IllegalStateException(host.name() + " is up: crash it before replacing its disk");
        }
        synced.clear();
        unsynced.clear();
        sim.recordFault(host.id().index(), "disk replaced (empty)");
    }

    /** Bytes used by the current view. */
    public long usedBytes() {
        long used = 0;
        for (String f : list()) {
            used += size(f);
        }
        return used;
    }

    void crash() {
        unsynced.clear();
    }

    private void startSync(Timer done) {
        int inc = host.currentIncarnation();
        TreeMap<String, Stored> batch = new TreeMap<>(unsynced);
        host.setTimer(inc, fsyncNanos, done, () -> apply(batch));
    }

    private void startSync(String file, Timer done) {
        int inc = host.currentIncarnation();
        TreeMap<String, Stored> batch = new TreeMap<>();
        Stored pending = unsynced.get(file);
        if (pending != null) {
            batch.put(file, pending);
        }
        host.setTimer(inc, fsyncNanos, done, () -> apply(batch));
    }

    private void apply(TreeMap<String, Stored> batch) {
        for (Map.Entry<String, Stored> e : batch.entrySet()) {
            if (e.getValue() == DELETED) {
                synced.remove(e.getKey());
            } else {
                synced.put(e.getKey(), e.getValue());
            }
            // A later write to the same file stays buffered until its own fsync.
            if (unsynced.get(e.getKey()) == e.getValue()) {
                unsynced.remove(e.getKey());
            }
        }
    }

    private boolean corruptIn(TreeMap<String, Stored> view, String file) {
        Stored s = view.get(file);
        if (s == null || s == DELETED) {
            return false;
        }
        byte[] data = s.data().clone();
        if (data.length == 0) {
            view.put(file, new Stored(data, s.checksum() + 1));
        } else {
            data[data.length / 2] ^= 0x5A;
            view.put(file, new Stored(data, s.checksum()));
        }
        return true;
    }

    private java.util.Optional<Stored> current(String file) {
        Stored s = unsynced.get(file);
        if (s == null) {
            s = synced.get(file);
        }
        return s == null || s == DELETED ? java.util.Optional.empty() : java.util.Optional.of(s);
    }

    private long size(String file) {
        return current(file).map(s -> (long) s.data().length).orElse(0L);
    }

    private boolean fits(long extra) {
        if (full) {
            return false;
        }
        return capacityBytes == Long.MAX_VALUE || extra <= 0 || usedBytes() + extra <= capacityBytes;
    }

    private static Stored stored(byte[] data) {
        return new Stored(data, checksum(data));
    }

    private static long checksum(byte[] data) {
        CRC32C c = new CRC32C();
        c.update(data, 0, data.length);
        return c.getValue();
    }
}
