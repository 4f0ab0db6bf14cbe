package io.faultline.sim;

/**
 * The {@link Context} of one incarnation of a host's process; inert once that incarnation ends.
 *
 * <p>It keeps what a process asks for on every event (its id and index, its random stream, the
 * network) and whether its incarnation is still the live one, so that a send or a draw reads this
 * object only and not the {@link Host}: with thousands of hosts each event touches a different
 * host, and every object read on the way is a cache miss.
 */
final class HostContext implements Context {
    private final Host host;
    private final HostId id;
    private final int index;
    private final Rng rng;
    private final Network network;
    private final int incarnation;
    /** Cleared by the host when this incarnation ends (a crash, a restart). */
    private boolean live = true;

    HostContext(Host host, int incarnation) {
        this.host = host;
        this.id = host.id();
        this.index = id.index();
        this.rng = host.rng();
        this.network = host.sim().network();
        this.incarnation = incarnation;
    }

    /** This incarnation has ended: from now on its sends and log lines are dropped. */
    void end() {
        live = false;
    }

    @Override
    public HostId self() {
        return id;
    }

    @Override
    public long now() {
        return host.clock().now();
    }

    @Override
    public void send(HostId to, Message m) {
        if (live) {
            network.send(index, to.index(), m);
        }
    }

    @Override
    public TimerId setTimer(long delayNanos, Timer t) {
        return host.setTimer(incarnation, delayNanos, java.util.Objects.requireNonNull(t), null);
    }

    @Override
    public boolean cancel(TimerId id) {
        TimerEvent ev = id.event;
        if (ev.cancelled || ev.done) {
            return false;
        }
        ev.cancelled = true;
        return true;
    }

    @Override
    public Rng rng() {
        return rng;
    }

    @Override
    public Disk disk() {
        return host.disk();
    }

    @Override
    public void log(String line) {
        if (live) {
            host.sim().trace().log(host.sim().now(), index, line);
        }
    }
}
