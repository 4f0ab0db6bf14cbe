package io.faultline.sim;

import org.apiguardian.api.API;

/** What kind of thing happened, as recorded in the {@link Trace}. */
@API(status = API.Status.STABLE, since = "0.1")
public enum TraceKind {
    /** A process incarnation started. */
    START,
    /** A message reached its destination's process. */
    DELIVER,
    /** A message was dropped: lost, cut by a partition on arrival, or its host was down. */
    DROP,
    /** The network delivered an extra copy of a message. */
    DUPLICATE,
    /** A timer fired. */
    TIMER,
    /** A host crashed. */
    CRASH,
    /** A host restarted. */
    RESTART,
    /** A host was paused. */
    PAUSE,
    /** A host was resumed. */
    RESUME,
    /** A fault was applied or healed (network, clock, disk). */
    FAULT,
    /** A process wrote a log line. */
    LOG,
    /** A scheduled environment action ran. */
    ACTION,
    /** An invariant was violated. */
    VIOLATION
}
