package io.faultline.cli.run;

import io.faultline.sim.Bounds;

/**
 * How many events a run may keep pending in this JVM: the kernel's default, lowered on a small
 * heap so that a run far too long for memory stops with UNKNOWN instead of an OutOfMemoryError.
 * A pending event costs about 100 bytes at the queue's largest (the event, what it captures, its
 * queue slots and the copy made while the queue grows); a quarter of the heap is left to them.
 */
final class MemoryBound {
    private static final long BYTES_PER_PENDING_EVENT = 100;

    private MemoryBound() {
    }

    static int maxPending() {
        long byHeap = Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_PENDING_EVENT;
        return (int) Math.max(1_000_000L, Math.min(Bounds.DEFAULT_MAX_PENDING, byHeap));
    }
}
