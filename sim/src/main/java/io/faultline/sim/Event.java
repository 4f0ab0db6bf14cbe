package io.faultline.sim;

/**
 * A pending event: small on purpose (a header and a few fields in subclasses), so that a queue of
 * millions stays compact. Its (time, seq) key lives only in the {@link EventQueue}'s arrays, not
 * here too; seq is unique and grows, which makes the order total and deterministic.
 */
abstract class Event {
    abstract void fire(Simulation sim);
}
