package io.faultline.models.kafka.workload;

import io.faultline.checker.log.KafkaOps;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Timer;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An application that a {@link GroupConsumer} hands its records to, in place of the configured
 * processing time and commit policy: a sink that writes each poll's records somewhere and commits
 * the offsets itself ({@link GroupConsumer#commit}), as a Kafka Connect sink task does. It shares
 * the consumer's host, so the consumer passes it the messages and timers that are not its own.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ConsumerApplication {
    /** Called once, when the consumer is built: the handle for commits. */
    void attached(GroupConsumer consumer);

    /** onPartitionsAssigned: {@code partitions} now belong to this member. */
    void assigned(Context ctx, List<Integer> partitions);

    /** onPartitionsRevoked / onPartitionsLost: {@code partitions} no longer belong to this member. */
    void revoked(Context ctx, List<Integer> partitions);

    /**
     * The records one poll returned, by partition (every list non-empty, in offset order). The
     * consumer polls again only after {@code done} is called, with the context of the handler then
     * running; if that takes longer than
     * {@code max.poll.interval.ms}, the member leaves the group (C7.5).
     */
    void process(Context ctx, Map<Integer, List<KafkaOps.Read>> records, java.util.function.Consumer<Context> done);

    /** A message that is not the consumer's own; true if the application took it. */
    boolean onMessage(Context ctx, HostId from, Message m);

    /** A timer that is not the consumer's own. */
    void onTimer(Context ctx, Timer t);
}
