package io.faultline.sim;

/** A timer of one incarnation of a host's process; stale incarnations' timers are ignored. */
final class TimerEvent extends Event {
    final Host host;
    final int incarnation;
    /** What the process sees; absent (null, internal only) for a silent completion. */
    final Timer timer;
    /** A kernel effect applied first (e.g. an fsync becoming durable); null for plain timers. */
    final Runnable effect;
    boolean cancelled;
    boolean done;

    TimerEvent(Host host, int incarnation, Timer timer, Runnable effect) {
        this.host = host;
        this.incarnation = incarnation;
        this.timer = timer;
        this.effect = effect;
    }

    @Override
    void fire(Simulation sim) {
        if (cancelled) {
            done = true;
            return;
        }
        host.fireTimer(this);
    }
}
