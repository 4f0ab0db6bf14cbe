package io.faultline.checker.search;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The limits of one check, shared by every search it runs (per-key parts, competing algorithms):
 * a deadline, a memory budget in estimated bytes, and a cancel flag. Searches call {@link #tick}
 * in their loops (cheap; the clock is read every 256 calls) and {@link #charge} as they store.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Budget {
    private final long deadlineNanos;
    private final long memoryBytes;
    private final AtomicLong used = new AtomicLong();
    private final AtomicBoolean cancelled;
    private final String timeText;
    private final Budget parent;

    public Budget(long timeLimitNanos, long memoryBytes, AtomicBoolean cancelled) {
        long now = System.nanoTime();
        this.deadlineNanos = timeLimitNanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeLimitNanos;
        this.memoryBytes = memoryBytes;
        this.cancelled = cancelled;
        this.timeText = timeLimitNanos / 1_000_000 + " ms";
        this.parent = null;
    }

    /** A budget sharing this one's deadline and memory, with its own cancel flag. */
    public Budget child(AtomicBoolean ownCancel) {
        return new Budget(this, ownCancel);
    }

    private Budget(Budget parent, AtomicBoolean cancelled) {
        this.deadlineNanos = parent.deadlineNanos;
        this.memoryBytes = parent.memoryBytes;
        this.cancelled = cancelled;
        this.timeText = parent.timeText;
        this.parent = parent;
    }

    /** A probe for one search thread. */
    public Meter meter() {
        return new Meter();
    }

    /** Whether this check was called off (this budget's flag or a parent's). */
    public boolean cancelled() {
        return cancelledHere();
    }

    private boolean cancelledHere() {
        return cancelled.get() || (parent != null && parent.cancelledHere());
    }

    private AtomicLong usedCounter() {
        return parent != null ? parent.usedCounter() : used;
    }

    /** Per-thread view that batches clock reads and memory charges. */
    public final class Meter {
        private int ticks;
        private long pending;
        private long charged;

        /** Gives up when cancelled, or the deadline passed. */
        public void tick() {
            if ((++ticks & 255) == 0) {
                if (cancelledHere()) {
                    throw new GiveUp("cancelled");
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new GiveUp("time limit of " + timeText + " reached");
                }
            }
        }

        /** Counts {@code bytes} more stored; gives up when the shared memory budget is spent. */
        public void charge(long bytes) {
            pending += bytes;
            if (pending > 65_536) {
                flush();
            }
        }

        private void flush() {
            long total = usedCounter().addAndGet(pending);
            charged += pending;
            pending = 0;
            if (total > memoryBytes) {
                throw new GiveUp("memory budget of " + memoryBytes / (1024 * 1024) + " MiB reached");
            }
        }

        /** Returns what this meter charged to the shared budget (the search's memory is free again). */
        public void release() {
            usedCounter().addAndGet(-charged);
            charged = 0;
            pending = 0;
        }
    }
}
