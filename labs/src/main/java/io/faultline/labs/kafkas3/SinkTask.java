package io.faultline.labs.kafkas3;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a student of lab {@code kafka-to-s3} implements: the logic of one member of a consumer
 * group that copies a topic's records to S3 objects (bucket {@code sink}), as a Kafka Connect S3
 * sink task does. The class {@code lab.ExactlyOnceSink} implements it, with a public constructor
 * taking the {@link SinkContext} of its member. A crash loses the instance: the restarted member
 * gets a new one, which knows only what S3 and the committed offsets say.
 *
 * <p>Every method is asynchronous: it starts requests through the context and goes on in their
 * callbacks, never blocking (the simulator runs one handler at a time, in virtual time).
 *
 * <p>The guarantees the grader holds it to, once the producers stop and the faults heal:
 * <ul>
 *   <li>no loss: every record the producers wrote (acknowledged) is in some object of the bucket;</li>
 *   <li>no duplicate: no record is in two objects, nor twice in one;</li>
 *   <li>progress: the group drains the topic to S3.</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface SinkTask {
    /** onPartitionsAssigned: these partitions are now this member's; polls start from their committed offsets. */
    void onAssigned(List<Integer> partitions);

    /**
     * onPartitionsRevoked (or lost): these partitions are no longer this member's. Another member
     * reads them from their committed offsets; commits of this member for them are refused from now on.
     */
    void onRevoked(List<Integer> partitions);

    /**
     * The records of one poll, in partition then offset order (never empty). The member polls again
     * only after {@code pollAgain} runs; a member that does not poll again within
     * {@code max.poll.interval.ms} (5 s here) leaves the group.
     */
    void onPoll(List<SinkRecord> records, Runnable pollAgain);
}
