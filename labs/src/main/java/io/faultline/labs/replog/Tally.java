package io.faultline.labs.replog;

/**
 * What the clients of a run saw, counted as it happens (the progress conditions ask it at every
 * step of the liveness phase, too often to rebuild the history): how many writes were
 * acknowledged and the highest offset acknowledged, how many producers stopped, how far the final
 * reader got, and which broker acknowledged a write last (the leader as the clients see it, the
 * target of {@code role:leader} faults).
 */
final class Tally {
    private final int producers;
    private long acked;
    private long highestAckedOffset = -1;
    private int stopped;
    private long finalReaderAt;
    private String lastAcknowledger = "";

    Tally(int producers) {
        this.producers = producers;
    }

    void acked(String broker, long offset) {
        acked++;
        lastAcknowledger = broker;
        highestAckedOffset = Math.max(highestAckedOffset, offset);
    }

    void producerStopped() {
        stopped++;
    }

    void finalReaderAt(long position) {
        finalReaderAt = position;
    }

    long ackedCount() {
        return acked;
    }

    /** The broker that acknowledged the latest write; empty before the first. */
    java.util.List<String> leader() {
        return lastAcknowledger.isEmpty() ? java.util.List.of() : java.util.List.of(lastAcknowledger);
    }

    /**
     * Every producer stopped and the final reader read past the highest acknowledged offset. Whether
     * it read the acknowledged values there is the checks' business: a lost write is not a stall.
     */
    boolean finalReaderCaughtUp() {
        return stopped == producers && finalReaderAt > highestAckedOffset;
    }
}
