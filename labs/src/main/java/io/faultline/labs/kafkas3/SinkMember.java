package io.faultline.labs.kafkas3;

import io.faultline.checker.log.KafkaOps;
import io.faultline.checker.history.Value;
import io.faultline.models.kafka.workload.ConsumerApplication;
import io.faultline.models.kafka.workload.GroupConsumer;
import io.faultline.models.s3.workload.S3Requester;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The harness around the student's {@link SinkTask} in one member of the group: the group
 * consumer hands it each poll's records and the partitions that come and go; it passes them on in
 * the student's vocabulary, with the S3 answers and timers of the host. The context learns the
 * handler's {@link Context} before any student code runs in it.
 */
final class SinkMember implements ConsumerApplication {
    private final SinkContext context;
    private final SinkS3 s3;
    private final SinkTask task;

    SinkMember(String name, HostId frontEnd) {
        this.context = new SinkContext(name, new S3Requester(frontEnd));
        this.s3 = context.s3();
        this.task = StudentSink.newTask(context);
    }

    @Override
    public void attached(GroupConsumer consumer) {
        context.attach(consumer);
    }

    @Override
    public void assigned(Context ctx, List<Integer> partitions) {
        context.enter(ctx);
        task.onAssigned(List.copyOf(partitions));
    }

    @Override
    public void revoked(Context ctx, List<Integer> partitions) {
        context.enter(ctx);
        task.onRevoked(List.copyOf(partitions));
    }

    @Override
    public void process(Context ctx, Map<Integer, List<KafkaOps.Read>> records, java.util.function.Consumer<Context> done) {
        context.enter(ctx);
        List<SinkRecord> out = new ArrayList<>();
        records.forEach((p, reads) -> reads.forEach(r -> out.add(new SinkRecord(p, r.offset(), text(r.value())))));
        if (out.isEmpty()) {
            done.accept(ctx);
            return;
        }
        task.onPoll(List.copyOf(out), () -> done.accept(context.context()));
    }

    private static String text(Value v) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        return v instanceof Value.Int i ? String.valueOf(i.value()) : v.toString();
    }

    @Override
    public boolean onMessage(Context ctx, HostId from, Message m) {
        context.enter(ctx);
        return s3.onMessage(m);
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        context.enter(ctx);
        if (t instanceof SinkTimer.Later later) {
            later.task().run();
        } else if (t instanceof SinkTimer.S3Timeout timeout) {
            s3.timedOut(timeout.id());
        }
    }
}
