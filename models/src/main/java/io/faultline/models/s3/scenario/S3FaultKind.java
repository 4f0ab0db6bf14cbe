package io.faultline.models.s3.scenario;

import org.apiguardian.api.API;

/**
 * The classes of fault the S3 random faults ({@link RandomFaults}) draw, each aimed at one of the strong
 * protocol's mechanisms ({@link Safeguards}) or at the model's assumptions about its hosts.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum S3FaultKind {
    /** The servers (index, storage, front-ends) split at random into two sides. */
    PARTITION,
    /** One front-end with a minority of index replicas cut from the rest: its writes reach too few. */
    SPLIT_INDEX,
    /** One index replica cut off: it misses writes and is behind when it comes back. */
    ISOLATE_INDEX,
    ISOLATE_STORAGE,
    /** One front-end cut off, from clients too: its requests time out (info). */
    ISOLATE_FRONT_END,
    /** One index replica crashes (its state is in memory) and restarts before the fault ends. */
    CRASH_INDEX,
    CRASH_STORAGE,
    CRASH_FRONT_END,
    /** A front-end stops longer than the request deadline and wakes up with its work in hand. */
    PAUSE_FRONT_END,
    PAUSE_INDEX,
    /** A front-end's clock steps forwards or backwards (it stays moved): the stamps it would give alone move too. */
    CLOCK_JUMP_FRONT_END,
    /** An index replica's clock steps forwards or backwards (it stays moved): leases must not depend on it. */
    CLOCK_JUMP_INDEX,
    /** The links between one front-end and the index replicas lose messages (a fraction, both ways) for a while. */
    LOSSY_LINKS,
    /** One front-end's links to all index replicas but one are slow: its writes are on one replica for a while. */
    SLOW_INDEX_LINKS,
    /** An index replica is cut off, then another one crashes and restarts while the first is still away. */
    ISOLATE_THEN_CRASH_INDEX,
    /** An index replica misses writes while cut off; once back, another restarts empty (and answers, unless it syncs first). */
    STALE_THEN_RESTART_INDEX
}
