package lab;

import io.faultline.labs.kafkas3.SinkContext;
import io.faultline.labs.kafkas3.SinkRecord;
import io.faultline.labs.kafkas3.SinkTask;
import java.util.List;

/**
 * Your sink: one member of the consumer group, copying the records it is handed to S3 objects
 * (bucket {@code sink}, any key, bodies written with {@link SinkRecord#encode}).
 *
 * <p>{@code ctx.s3()} may answer "no answer within 1 s" to a write that took effect all the same;
 * {@code ctx.commit(...)} tells the group where this member's partitions continue after a crash or
 * a rebalance, and is refused once a rebalance took them away. A crash loses this object: the
 * restarted member knows only what S3 and the committed offsets say. Each method is asynchronous:
 * start requests, and go on in their callbacks.
 *
 * <p>Run the public tests with {@code mvn test}, grade with {@code faultline grade kafka-to-s3 .};
 * the chapter "Lab: an exactly-once sink from Kafka to S3" has the hints.
 */
public final class ExactlyOnceSink implements SinkTask {
    private final SinkContext ctx;

    public ExactlyOnceSink(SinkContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onAssigned(List<Integer> partitions) {
        // TODO: remember what is yours
    }

    @Override
    public void onRevoked(List<Integer> partitions) {
        // TODO: what must stop for partitions that are no longer yours?
    }

    @Override
    public void onPoll(List<SinkRecord> records, Runnable pollAgain) {
        // TODO: write the records to S3 so that a retry, a restart or another member cannot write
        // them twice; commit their offsets only once they are stored; then pollAgain.run()
        pollAgain.run();
    }
}
