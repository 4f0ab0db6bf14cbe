package io.faultline.sim;

/** The {@link Context} of one incarnation of a host's process; inert once that incarnation ends. */
final class HostContext implements Context {
    private final Host host;
    private final int incarnation;

    HostContext(Host host, int incarnation) {
        this.host = host;
        this.incarnation = incarnation;
    }

    private boolean live() {
        return host.currentIncarnation() == incarnation;
    }

    @Override
    public HostId self() {
        return host.id();
    }

    @Override
    public long now() {
        return host.clock().now();
    }

    @Override
    public void send(HostId to, Message m) {
        if (live()) {
            host.sim().network().send(host.index(), to.index(), m);
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
        return host.rng();
    }

    @Override
    public Disk disk() {
        return host.disk();
    }

    @Override
    public void log(String line) {
        if (live()) {
            host.sim().trace().log(host.sim().now(), host.id().index(), line);
        }
    }
}
