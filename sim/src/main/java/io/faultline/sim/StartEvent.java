package io.faultline.sim;

/** Starts a host's first incarnation, after every host added at the same instant exists. */
final class StartEvent extends Event {
    final Host host;

    StartEvent(Host host) {
        this.host = host;
    }

    @Override
    void fire(Simulation sim) {
        host.start();
    }
}
