package io.faultline.sim;

/**
 * Handle of a pending timer, returned by {@link Context#setTimer}; pass it to
 * {@link Context#cancel} to cancel it. Opaque; compares by identity.
 */
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
