package io.faultline.models.kafka.wire;

import org.apiguardian.api.API;

/** The error codes the model's brokers return, named after Kafka's (FIDELITY C3, C5.5, C6). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum KafkaError {
    NONE,
    /** This broker does not lead the partition (any more): refresh metadata and retry. */
    NOT_LEADER_OR_FOLLOWER,
    /** acks=all and the ISR is below min.insync.replicas: nothing appended (C3). */
    NOT_ENOUGH_REPLICAS,
    /** Appended, but the ISR shrank below min.insync.replicas before the HW reached it (C3). */
    NOT_ENOUGH_REPLICAS_AFTER_APPEND,
    /** The idempotent batch is neither the next sequence nor a retained one (C6). */
    OUT_OF_ORDER_SEQUENCE_NUMBER,
    /** The requester's leader epoch is older than the broker's (C5.5). */
    FENCED_LEADER_EPOCH,
    /** The requester's leader epoch is newer than the broker's (C5.5); retriable. */
    UNKNOWN_LEADER_EPOCH,
    /** The fetch offset is beyond this replica's log end. */
    OFFSET_OUT_OF_RANGE,
    /** The leader did not complete the request within its timeout. */
    REQUEST_TIMED_OUT,
    /** This broker does not lead the group's __consumer_offsets partition (any more) (C7.1). */
    NOT_COORDINATOR,
    /** The group is rebalancing: rejoin (C7.2). */
    REBALANCE_IN_PROGRESS,
    /** The request names a generation the group has left behind (C7.2). */
    ILLEGAL_GENERATION,
    /** The coordinator does not know the member (it left, or its session expired) (C7.2). */
    UNKNOWN_MEMBER_ID,
    /** A transactional request of an older producer epoch than the partition or coordinator knows (C12.1). */
    INVALID_PRODUCER_EPOCH,
    /** The transactional.id has a newer producer instance: this one is a zombie and must close (C12.1). */
    PRODUCER_FENCED,
    /** The coordinator is still completing the previous transaction of this transactional.id: retry (C12.2). */
    CONCURRENT_TRANSACTIONS,
    /** The request does not fit the transaction's state, e.g. EndTxn of a transaction already aborted (C12.2). */
    INVALID_TXN_STATE;

    /** Whether a producer may retry the request (the record was not appended, or may be a duplicate). */
    public boolean retriable() {
        return this != NONE && this != OUT_OF_ORDER_SEQUENCE_NUMBER && this != OFFSET_OUT_OF_RANGE
                && this != INVALID_PRODUCER_EPOCH && this != PRODUCER_FENCED && this != INVALID_TXN_STATE;
    }

    /**
     * Whether a producer seeing this error cannot know that its record was not appended, so that the
     * send's outcome is indefinite (Jepsen's {@code :info}) unless a later attempt settles it:
     * NOT_LEADER_OR_FOLLOWER is also the answer to a produce that was appended and then waited for
     * the HW while leadership moved (the leader resigns, C3, C4); a timeout or an error after the
     * append says nothing about the append. NOT_ENOUGH_REPLICAS is checked before appending (C3) and
     * the epoch and offset errors reject the request outright: those surely mean "not applied".
     */
    public boolean mayFollowAnAppend() {
        return this == NOT_LEADER_OR_FOLLOWER || this == NOT_ENOUGH_REPLICAS_AFTER_APPEND || this == REQUEST_TIMED_OUT
                || this == OUT_OF_ORDER_SEQUENCE_NUMBER;
    }
}
