package io.faultline.labs.kafkas3;

import io.faultline.sim.Timer;

/** The timers of a sink member: the student's own, and the harness's S3 timeouts. */
sealed interface SinkTimer extends Timer {
    /** {@link SinkContext#after}: runs the student's task. */
    record Later(Runnable task) implements SinkTimer {
    }

    /** S3 request {@code id} got no answer in time. */
    record S3Timeout(long id) implements SinkTimer {
    }
}
