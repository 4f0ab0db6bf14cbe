package io.faultline.sim;

import org.apiguardian.api.API;

/** Whether a write was accepted by a {@link Disk}. */
@API(status = API.Status.STABLE, since = "0.1")
public enum DiskWrite {
    /** Buffered (durable after the next completed fsync). */
    OK,
    /** Rejected: the disk is full (or made full by a fault); nothing changed. */
    FULL
}
