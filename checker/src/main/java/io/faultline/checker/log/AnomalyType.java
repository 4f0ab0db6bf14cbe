package io.faultline.checker.log;

import org.apiguardian.api.API;

/**
 * The kinds of anomaly the Kafka log checker reports, named as in Jepsen's Kafka workload
 * (FIDELITY C10), with a one-line explanation each and whether Kafka's model allows it.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum AnomalyType {
    DUPLICATE("duplicate", "a value appears at more than one offset of a key"),
    INCONSISTENT_OFFSETS("inconsistent-offsets",
            "one offset of a key holds two or more different values across sends and polls"),
    G1A("G1a", "an ok poll read a value whose send definitely failed (aborted read)"),
    PRECOMMITTED_READ("precommitted-read", "a transaction observed its own writes"),
    LOST_WRITE("lost-write",
            "an acknowledged value at or below the highest offset some poll read was never read"),
    POLL_SKIP("poll-skip",
            "two successive polls of one process skipped values known to exist between them"),
    NONMONOTONIC_POLL("nonmonotonic-poll",
            "a process's next poll of a key started at or before where its previous poll ended"),
    INT_POLL_SKIP("int-poll-skip", "within one op, consecutive reads of a key skipped values"),
    INT_NONMONOTONIC_POLL("int-nonmonotonic-poll",
            "within one op, consecutive reads of a key went backwards or repeated a value"),
    INT_SEND_SKIP("int-send-skip",
            "within one op, consecutive sends to a key are not adjacent in the log"),
    INT_NONMONOTONIC_SEND("int-nonmonotonic-send",
            "within one op, a later send to a key landed at or before an earlier one"),
    NONMONOTONIC_SEND("nonmonotonic-send",
            "a process's send to a key landed at or before that process's previous send to it"),
    UNSEEN("unseen", "acknowledged values that no ok poll ever read by the end of the history"),
    COMPACTED("compacted", "a value never read that the log cleaner may have removed: a newer value of its"
            + " record key is at a higher offset (compaction, allowed)"),
    GROUP_POLL_SKIP("group-poll-skip",
            "a value in the log, below the highest offset the consumer group read, was handed to no member"),
    GROUP_NONMONOTONIC_POLL("group-nonmonotonic-poll",
            "the consumer group was handed a value more than once (at-least-once redelivery, allowed)"),
    G0("G0", "a cycle of write-write dependencies: transactions' sends interleaved across keys"),
    G1B("G1b", "an op's reads of a key ended on a value that its transaction followed with another"
            + " send to that key (intermediate read)"),
    G1C("G1c", "a cycle of write-read dependencies: each transaction read a write of the next"),
    G1C_WW("G1c-ww", "a cycle of write-write and write-read dependencies, with both kinds"),
    G2("G2", "a dependency cycle through at least one read-write anti-dependency");

    private final String keyword;
    private final String explanation;

    AnomalyType(String keyword, String explanation) {
        this.keyword = keyword;
        this.explanation = explanation;
    }

    /** Jepsen's name for it, e.g. {@code lost-write}. */
    public String keyword() {
        return keyword;
    }

    /** One line saying what it means. */
    public String explanation() {
        return explanation;
    }

    /**
     * Whether Kafka's model allows it (FIDELITY C10 "Always a bug?"): interleaved sends always;
     * skipped and repeated polls across ops only when consumers subscribe (rebalances cause them);
     * a group handed a value twice always (at-least-once delivery, FIDELITY C7.7); a value a newer
     * one of its record key superseded on a compacted topic always (FIDELITY C8.4); of the
     * transactional anomalies only G1a and G1c are bugs (FIDELITY C12.4).
     */
    public boolean allowed(boolean subscribe) {
        switch (this) {
            case INT_SEND_SKIP, GROUP_NONMONOTONIC_POLL, COMPACTED, G0, G1B, G1C_WW, G2:
                return true;
            default:
                break;
        }
        return subscribe && (this == POLL_SKIP || this == NONMONOTONIC_POLL);
    }
}
