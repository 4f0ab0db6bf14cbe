package io.faultline.labs.kafkas3;

import io.faultline.models.kafka.workload.GroupConsumer;
import io.faultline.sim.Context;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * What a {@link SinkTask} may use, on its member's host: the group consumer's offset commits, S3
 * (strongly consistent, bucket {@code sink}), timers, and the member's name. Everything else
 * (threads, the wall clock, files, {@code System.exit}) is off limits: the grader rejects it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SinkContext {
    private final String memberName;
    private final SinkS3 s3;
    private GroupConsumer consumer;
    private Context ctx;

    SinkContext(String memberName, io.faultline.models.s3.workload.S3Requester requester) {
        this.memberName = memberName;
        this.s3 = new SinkS3(this, requester);
    }

    /** This member's name, e.g. {@code member2}: unique in the group, the same after a restart. */
    public String memberName() {
        return memberName;
    }

    /** S3, bucket {@code sink}. */
    public SinkS3 s3() {
        return s3;
    }

    /**
     * commitAsync: {@code nextOffsets} maps each partition to the offset of the next record to read
     * (the last one written, plus one). {@code answered} gets true once the group coordinator stored
     * them, false if it refused (this member no longer owns the partition: a rebalance happened) or
     * did not answer within the request timeout.
     */
    public void commit(Map<Integer, Long> nextOffsets, Consumer<Boolean> answered) {
        consumer.commit(ctx, new TreeMap<>(nextOffsets), answered);
    }

    /** Runs {@code task} after {@code millis} of virtual time (e.g. to retry). */
    public void after(long millis, Runnable task) {
        ctx.setTimer(Math.max(1, millis) * 1_000_000L, new SinkTimer.Later(task));
    }

    Context context() {
        return ctx;
    }

    void enter(Context current) {
        ctx = current;
    }

    void attach(GroupConsumer groupConsumer) {
        consumer = groupConsumer;
    }
}
