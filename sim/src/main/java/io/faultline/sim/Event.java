package io.faultline.sim;

/**
 * A pending event: small on purpose (a header, two longs and a few fields in subclasses), so that a
 * queue of millions stays compact. Ordered by (time, seq); seq is unique and grows, which makes the
 * order total and deterministic.
 */
abstract class Event {
    long time;
    long seq;

    abstract void fire(Simulation sim);
}
