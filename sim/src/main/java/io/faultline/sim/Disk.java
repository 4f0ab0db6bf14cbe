package io.faultline.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * One file name's state, the handle that fsync batches hold. A name has at most one live handle
     * (in {@link #files}); a handle whose file vanished ({@code gone}) is looked up again by name
     * when a batch that still holds it completes, so a batch acts on the name, as a write does.
     */
    private static final class File {
        final String name;
        /** The durable contents, or null if the file does not exist durably. */
        Stored synced;
        /** The buffered write or {@link #DELETED}, or null if nothing is buffered. */
        Stored unsynced;
        /** True while the file is in {@link #dirty}. */
        boolean listed;
        boolean gone;

        File(String name) {
            this.name = name;
        }

        Stored current() {
            Stored s = unsynced != null ? unsynced : synced;
            return s == DELETED ? null : s;
        }
    }

    /** The files by name. Looked up only: every order that shows (list) is sorted by name. */
    private final LinkedHashMap<String, File> files = new LinkedHashMap<>();
    /**
     * Every file with a buffered write (and maybe some whose write has since become durable, dropped
     * at the next fsync): what an fsync covers, without a sorted map of buffered writes per disk.
     * The simulated disks' String-keyed TreeMaps were about 10 % of S3StrongBench's run.
     */
    private final ArrayList<File> dirty = new ArrayList<>();
    private final Simulation sim;
    private final Host host;
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
        buffer(open(file), stored(bytes.clone()));
        return DiskWrite.OK;
    }

    /** Appends to the file, creating it if needed (buffered until fsync). */
    public DiskWrite append(String file, byte[] bytes) {
        if (!fits(bytes.length)) {
            return DiskWrite.FULL;
        }
        File f = open(file);
        Stored now = f.current();
        byte[] old = now == null ? new byte[0] : now.data();
        byte[] joined = Arrays.copyOf(old, old.length + bytes.length);
        System.arraycopy(bytes, 0, joined, old.length, bytes.length);
        buffer(f, stored(joined));
        return DiskWrite.OK;
    }

    /** Deletes the file (buffered until fsync, like a real unlink without a directory fsync). */
    public void delete(String file) {
        buffer(open(file), DELETED);
    }

    /** The file as this host sees it now, checked against its checksum. */
    public DiskRead read(String file) {
        Stored st = current(file);
        if (st == null) {
            return new DiskRead.Missing(file);
        }
        if (checksum(st.data()) != st.checksum()) {
            return new DiskRead.Corrupt(file);
        }
        return new DiskRead.Ok(st.data().clone());
    }

    /** True if the file exists in the current view. */
    public boolean exists(String file) {
        return current(file) != null;
    }

    /** Names of the files in the current view, sorted. */
    public List<String> list() {
        List<String> names = new ArrayList<>();
        for (File f : files.values()) {
            if (f.current() != null) {
                names.add(f.name);
            }
        }
        names.sort(null);
        return names;
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
        Batch b = pending();
        b.apply();
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
        File f = files.get(file);
        boolean any = false;
        if (f != null) {
            Stored s = corrupted(f.synced);
            Stored u = corrupted(f.unsynced);
            any = s != f.synced || u != f.unsynced;
            f.synced = s;
            f.unsynced = u;
        }
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
        for (File f : files.values()) {
            f.gone = true;
        }
        files.clear();
        dirty.clear();
        sim.recordFault(host.id().index(), "disk replaced (empty)");
    }

    /** Bytes used by the current view. */
    public long usedBytes() {
        long used = 0;
        for (File f : files.values()) {
            Stored s = f.current();
            used += s == null ? 0 : s.data().length;
        }
        return used;
    }

    void crash() {
        for (File f : dirty) {
            f.listed = false;
            f.unsynced = null;
            dropIfEmpty(f);
        }
        dirty.clear();
    }

    /** The buffered writes of an fsync: the files and what each held when it started. */
    private final class Batch {
        private final File[] files;
        private final Stored[] writes;

        Batch(File[] files, Stored[] writes) {
            this.files = files;
            this.writes = writes;
        }

        void apply() {
            for (int i = 0; i < files.length; i++) {
                applyOne(files[i], writes[i]);
            }
        }
    }

    private void startSync(Timer done) {
        int inc = host.currentIncarnation();
        Batch batch = pending();
        host.setTimer(inc, fsyncNanos, done, batch::apply);
    }

    private void startSync(String file, Timer done) {
        int inc = host.currentIncarnation();
        File f = files.get(file);
        Batch batch = f == null || f.unsynced == null
                ? new Batch(new File[0], new Stored[0])
                : new Batch(new File[] {f}, new Stored[] {f.unsynced});
        host.setTimer(inc, fsyncNanos, done, batch::apply);
    }

    /** Every buffered write now, as a batch; drops the files that no longer have one from {@link #dirty}. */
    private Batch pending() {
        int kept = 0;
        for (File f : dirty) {
            if (f.unsynced != null) {
                dirty.set(kept++, f);
            } else {
                f.listed = false;
            }
        }
        dirty.subList(kept, dirty.size()).clear();
        File[] fs = dirty.toArray(new File[0]);
        Stored[] ws = new Stored[fs.length];
        for (int i = 0; i < fs.length; i++) {
            ws[i] = fs[i].unsynced;
        }
        return new Batch(fs, ws);
    }

    private void applyOne(File handle, Stored write) {
        File f = handle;
        if (f.gone) {
            f = files.get(handle.name);
            if (f == null) {
                if (write == DELETED) {
                    return; // deleting a file that is not there
                }
                f = open(handle.name);
            }
        }
        f.synced = write == DELETED ? null : write;
        // A later write to the same file stays buffered until its own fsync.
        if (f.unsynced == write) {
            f.unsynced = null;
        }
        dropIfEmpty(f);
    }

    private File open(String name) {
        File f = files.get(name);
        if (f == null) {
            f = new File(name);
            files.put(name, f);
        }
        return f;
    }

    private void buffer(File f, Stored write) {
        f.unsynced = write;
        if (!f.listed) {
            f.listed = true;
            dirty.add(f);
        }
    }

    /** Forgets a name with nothing durable and nothing buffered (a deleted file, a lost write). */
    private void dropIfEmpty(File f) {
        if (f.synced == null && f.unsynced == null && !f.gone) {
            files.remove(f.name);
            f.gone = true;
        }
    }

    private static Stored corrupted(Stored s) {
        if (s == null || s == DELETED) {
            return s;
        }
        byte[] data = s.data().clone();
        if (data.length == 0) {
            return new Stored(data, s.checksum() + 1);
        }
        data[data.length / 2] ^= 0x5A;
        return new Stored(data, s.checksum());
    }

    private Stored current(String file) {
        File f = files.get(file);
        return f == null ? null : f.current();
    }

    private long size(String file) {
        Stored s = current(file);
        return s == null ? 0 : s.data().length;
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
