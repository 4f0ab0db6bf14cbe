package io.faultline.checker.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The ops of a history being recorded, as pages of {@link #PAGE_OPS} encoded ops ({@link OpCodec}).
 * Full pages are sealed and never change; once sealed pages hold more than {@link #MEMORY_BUDGET}
 * bytes, the oldest go to a spill file (a temporary file, deleted when the store and every history
 * read from it are gone), so a long run's history costs the heap a bounded buffer plus about
 * 40 bytes per page of 1,024 ops. {@link #snapshot} is a history of the ops so far that later
 * appends do not change; its ops are decoded a page at a time when read.
 */
final class OpPages implements OpCodec.Names {
    static final int PAGE_OPS = 1024;
    /** Sealed pages kept on the heap before the oldest are spilled to the file. */
    static final long MEMORY_BUDGET = 32L << 20;
    private static final Cleaner CLEANER = Cleaner.create();

    /** A sealed page: its bytes, on the heap until spilled, then at {@code fileAt} in the spill file. */
    static final class Page {
        private volatile byte[] bytes;
        private final int length;
        private long fileAt = -1;
        private Spill spill;

        Page(byte[] bytes) {
            this.bytes = bytes;
            this.length = bytes.length;
        }

        byte[] bytes() {
            byte[] b = bytes;
            return b != null ? b : spill.read(fileAt, length);
        }

        /** Moves the bytes to the file; {@code bytes} is cleared last, so a reader sees one or the other. */
        void spillTo(Spill file) {
            spill = file;
            fileAt = file.write(bytes);
            bytes = null;
        }
    }

    /** The spill file, shared by the store and its snapshots; closed (and deleted) by the cleaner. */
    static final class Spill {
        private final FileChannel channel;
        private long end;

        Spill() {
            try {
                Path file = Files.createTempFile("faultline-history-", ".pages");
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the history's spill file", e);
            }
            FileChannel c = channel;
            CLEANER.register(this, () -> {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // Closing a temporary file we no longer read: nothing to recover.
                }
            });
        }

        long write(byte[] bytes) {
            long at = end;
            try {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    channel.write(b, at + b.position());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spill the history to its file", e);
            }
            end += bytes.length;
            return at;
        }

        byte[] read(long at, int length) {
            ByteBuffer b = ByteBuffer.allocate(length);
            try {
                while (b.hasRemaining()) {
                    if (channel.read(b, at + b.position()) < 0) {
                        throw new IllegalStateException("history spill file ends early");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the history's spill file", e);
            }
            return b.array();
        }
    }

    private final int pageOps;
    private final long memoryBudget;
    private final List<Page> sealed = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final TreeMap<String, Integer> ids = new TreeMap<>();
    private final OpCodec.Out tail = new OpCodec.Out();
    private int tailOps;
    private long tailTime;
    private long size;
    private long onHeap;
    /** The oldest sealed page still on the heap. */
    private int firstOnHeap;
    private Spill spill;

    /** Pages of {@link #PAGE_OPS} ops; sealed pages beyond {@link #MEMORY_BUDGET} bytes are spilled. */
    OpPages() {
        this(PAGE_OPS, MEMORY_BUDGET);
    }

    /** Smaller pages and budgets let tests spill after a few ops. */
    OpPages(int pageOps, long memoryBudget) {
        this.pageOps = pageOps;
        this.memoryBudget = memoryBudget;
    }

    @Override
    public int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            names.add(name);
            ids.put(name, id);
        }
        return id;
    }

    @Override
    public String name(int id) {
        return names.get(id);
    }

    void add(Op op) {
        OpCodec.write(tail, op, tailTime, this);
        if (op.time().isPresent()) {
            tailTime = op.time().getAsLong();
        }
        size++;
        if (++tailOps == pageOps) {
            sealed.add(new Page(java.util.Arrays.copyOf(tail.bytes, tail.length)));
            onHeap += tail.length;
            tail.clear();
            tailOps = 0;
            tailTime = 0;
            spillOverBudget();
        }
    }

    long size() {
        return size;
    }

    private void spillOverBudget() {
        while (onHeap > memoryBudget) {
            if (spill == null) {
                spill = new Spill();
            }
            Page p = sealed.get(firstOnHeap++);
            p.spillTo(spill);
            onHeap -= p.length;
        }
    }

    /** Bytes of sealed pages on the heap (tests). */
    long onHeapBytes() {
        return onHeap;
    }

    /** How many sealed pages are in the spill file (tests). */
    int spilledPages() {
        return firstOnHeap;
    }

    /** The ops recorded so far, as an immutable list decoded on access. */
    List<Op> snapshot() {
        return new Snapshot(sealed.toArray(new Page[0]), java.util.Arrays.copyOf(tail.bytes, tail.length),
                (int) size, pageOps, names.toArray(new String[0]));
    }

    /** An immutable view: the sealed pages at that moment, a copy of the partial page, the names then. */
    private static final class Snapshot extends java.util.AbstractList<Op> implements java.util.RandomAccess,
            OpCodec.Names {
        private final Page[] pages;
        private final byte[] tail;
        private final int size;
        private final int pageOps;
        private final String[] names;
        /** The last page decoded: readers go through a history in order, a page at a time. */
        private volatile Decoded last;

        private record Decoded(int page, Op[] ops) {
        }

        Snapshot(Page[] pages, byte[] tail, int size, int pageOps, String[] names) {
            this.pages = pages;
            this.tail = tail;
            this.size = size;
            this.pageOps = pageOps;
            this.names = names;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Op get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("op " + index + " of " + size);
            }
            int page = index / pageOps;
            Decoded d = last;
            if (d == null || d.page() != page) {
                d = decode(page);
                last = d;
            }
            return d.ops()[index % pageOps];
        }

        private Decoded decode(int page) {
            byte[] bytes = page < pages.length ? pages[page].bytes() : tail;
            int n = Math.min(pageOps, size - page * pageOps);
            Op[] ops = new Op[n];
            OpCodec.In in = new OpCodec.In(bytes);
            long time = 0;
            for (int i = 0; i < n; i++) {
                ops[i] = OpCodec.read(in, (long) page * pageOps + i, time, this);
                if (ops[i].time().isPresent()) {
                    time = ops[i].time().getAsLong();
                }
            }
            return new Decoded(page, ops);
        }

        @Override
        public int id(String name) {
            throw new UnsupportedOperationException("a snapshot is read-only");
        }

        @Override
        public String name(int id) {
            return names[id];
        }
    }
}
