package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * A host's local clock: what {@link Context#now()} returns. The scheduler runs on true virtual
 * time; each host reads a clock that may be offset (skew), run fast or slow (drift, in parts per
 * million) and jump (an NTP step, a VM migration). Local time is piecewise linear in true time:
 * {@code local(t) = t + offset + (t - since) * ppm / 1e6}.
 *
 * <pre>{@code
 * Clock c = sim.host("n1").clock();
 * c.skew(-2 * Simulation.SECONDS);   // n1 now reads 2 s behind
 * c.driftPpm(200);                   // and gains 200 us per second from here on
 * c.jump(Simulation.MINUTES);        // then leaps one minute ahead
 * }</pre>
 *
 * <p>Timers are measured on the local rate (drift stretches them) but jumps do not move timers that
 * are already pending, like a monotonic timer in a real OS. Every change is recorded as a fault.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Clock {
    private final Simulation sim;
    private final int host;
    private long base;
    private long since;
    private double ppm;

    Clock(Simulation sim, int host) {
        this.sim = sim;
        this.host = host;
    }

    /** Local time now. */
    public long now() {
        return localAt(sim.now());
    }

    /** Local time at true virtual time {@code t} (for t at or after the last change). */
    public long localAt(long t) {
        long elapsed = t - since;
        long drift = ppm == 0 ? 0 : (long) (elapsed * (ppm / 1_000_000.0));
        return base + since + elapsed + drift;
    }

    /** The current offset from true time, in nanoseconds (positive: this clock is ahead). */
    public long offset() {
        return now() - sim.now();
    }

    /** Current drift rate in parts per million. */
    public double driftPpm() {
        return ppm;
    }

    /** Sets the offset from true time to {@code offsetNanos} (replacing any previous offset). */
    public void skew(long offsetNanos) {
        if (!sim.admits(new FaultCall.ClockSkew(sim.hosts().get(host).name(), offsetNanos))) {
            return;
        }
        rebase();
        base = offsetNanos;
        sim.recordFault(host, "clock skew " + offsetNanos + "ns");
    }

    /** Moves this clock by {@code deltaNanos} (may be negative: time goes backwards). */
    public void jump(long deltaNanos) {
        if (!sim.admits(new FaultCall.ClockJump(sim.hosts().get(host).name(), deltaNanos))) {
            return;
        }
        rebase();
        base += deltaNanos;
        sim.recordFault(host, "clock jump " + deltaNanos + "ns");
    }

    /** Makes this clock run {@code ppm} parts per million fast (negative: slow) from now on. */
    public void driftPpm(double newPpm) {
        if (!sim.admits(new FaultCall.ClockDrift(sim.hosts().get(host).name(), newPpm))) {
            return;
        }
        rebase();
        ppm = newPpm;
        sim.recordFault(host, "clock drift " + newPpm + "ppm");
    }

    /** True nanoseconds that pass while this clock advances by {@code localNanos}. */
    long trueDuration(long localNanos) {
        if (ppm == 0) {
            return localNanos;
        }
        return Math.max(0, Math.round(localNanos / (1.0 + ppm / 1_000_000.0)));
    }

    private void rebase() {
        long t = sim.now();
        base = localAt(t) - t;
        since = t;
    }
}
