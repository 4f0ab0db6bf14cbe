package io.faultline.sim;

/**
 * A message that reached its destination and waits there: buffered at a paused host, or accepted by
 * the host's CPU and queued for its service time. A message on the wire has no object: it lives in
 * the {@link EventQueue}'s slots.
 */
final class Delivery extends Event {
    /** On the wire: partitions apply when it arrives. */
    static final byte ON_WIRE = 0;
    /** Arrived and buffered at a paused host: partitions no longer apply. */
    static final byte ARRIVED = 1;
    /** Accepted by the destination's CPU; its queueing delay is paid. */
    static final byte ADMITTED = 2;

    final int from;
    final int to;
    final Message message;
    final long sentAt;
    final byte state;
    /** The incarnation of the destination that accepted it (a restart discards its queue). */
    final int incarnation;

    Delivery(int from, int to, Message message, long sentAt, byte state, int incarnation) {
        this.from = from;
        this.to = to;
        this.message = message;
        this.sentAt = sentAt;
        this.state = state;
        this.incarnation = incarnation;
    }

    @Override
    void fire(Simulation sim) {
        sim.network().arrive(from, to, message, sentAt, state, incarnation);
    }
}
