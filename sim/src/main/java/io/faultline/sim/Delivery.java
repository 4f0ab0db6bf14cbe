package io.faultline.sim;

/** A message on the wire, due to arrive at {@code time}. */
final class Delivery extends Event {
    final int from;
    final int to;
    final Message message;
    final long sentAt;
    static final byte ON_WIRE = 0;
    /** Arrived and buffered at a paused host: partitions no longer apply. */
    static final byte ARRIVED = 1;
    /** Accepted by the destination's CPU; its queueing delay is paid. */
    static final byte ADMITTED = 2;

    byte state;
    /** The incarnation of the destination that accepted it (a restart discards its queue). */
    int incarnation;

    Delivery(int from, int to, Message message, long sentAt) {
        this.from = from;
        this.to = to;
        this.message = message;
        this.sentAt = sentAt;
    }

    @Override
    void fire(Simulation sim) {
        sim.network().arrive(this);
    }
}
