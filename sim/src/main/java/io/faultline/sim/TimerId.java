package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * Handle of a pending timer, returned by {@link Context#setTimer}; pass it to
 * {@link Context#cancel} to cancel it. Opaque; compares by identity.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TimerId {
    final TimerEvent event;

    TimerId(TimerEvent event) {
        this.event = event;
    }

    /** True until the timer fired, was cancelled, or its host crashed. */
    public boolean isPending() {
        return !event.cancelled && !event.done;
    }
}
