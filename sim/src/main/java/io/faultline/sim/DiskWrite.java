package io.faultline.sim;

/** Whether a write was accepted by a {@link Disk}. */
public enum DiskWrite {
    /** Buffered (durable after the next completed fsync). */
    OK,
    /** Rejected: the disk is full (or made full by a fault); nothing changed. */
    FULL
}
