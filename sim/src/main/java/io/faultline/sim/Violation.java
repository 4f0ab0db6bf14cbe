package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * An invariant that failed.
 *
 * @param invariant   its name
 * @param detail      what it said was wrong
 * @param nanos       virtual time of the event after which it failed
 * @param eventNumber that event's number (1 = the first event of the run)
 * @param event       a description of that event
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Violation(String invariant, String detail, long nanos, long eventNumber, String event) {
    /** For people: {@code inv: detail, at 1.25s after event #812 (deliver ...)}. */
    public String describe() {
        return invariant + ": " + detail + ", at " + SimTime.format(nanos) + " after event #" + eventNumber + " ("
                + event + ")";
    }

    /**
     * The line the trace records (and hashes), with the exact time in nanoseconds: changing it would
     * change every failing run's trace hash, so people read {@link #describe()} instead.
     */
    @Override
    public String toString() {
        return invariant + ": " + detail + " after event #" + eventNumber + " at " + nanos + "ns (" + event + ")";
    }
}
