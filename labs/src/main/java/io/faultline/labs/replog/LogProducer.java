package io.faultline.labs.replog;

import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import java.util.OptionalLong;

/**
 * A producer with acks=all, one record at a time, recording {@code :send} ops in Jepsen's shape
 * (as the Kafka model's producer, FIDELITY C10): ok with the offset the leader answered; fail when
 * a broker said it is not the leader (it appended nothing); info when no answer came in time (the
 * record may be in the log), after which a fresh Jepsen process takes over. It looks for the
 * leader by trying the brokers in turn.
 */
final class LogProducer implements Process {
    static final long TIMEOUT = 400 * Simulation.MILLIS;
    private static final long THINK = 5 * Simulation.MILLIS;

    private record Next() implements Timer {
    }

    private record Expired(long id) implements Timer {
    }

    private final Recorder recorder;
    private final Cluster cluster;
    private final Tally tally;
    private final long valueBase;
    private final long stopAt;
    private int process;
    private int guess;
    private long nextValue;
    private long requestId;
    private OpHandle current;
    private long currentValue;

    LogProducer(Recorder recorder, Cluster cluster, Tally tally, int process, long valueBase, long stopAt) {
        this.recorder = recorder;
        this.cluster = cluster;
        this.tally = tally;
        this.process = process;
        this.valueBase = valueBase;
        this.stopAt = stopAt;
        this.guess = process % cluster.brokerIds().size();
    }

    @Override
    public void onStart(Context ctx) {
        next(ctx);
    }

    private void next(Context ctx) {
        ctx.setTimer(1 + (long) ctx.rng().exponential(THINK), new Next());
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof Next && current == null && ctx.now() >= stopAt) {
            tally.producerStopped();
        } else if (t instanceof Next && current == null) {
            currentValue = valueBase + nextValue++;
            current = recorder.invoke(process, KafkaOps.SEND, KafkaOps.sendInvoke(Value.of(0), Value.of(currentValue)));
            requestId++;
            ctx.send(cluster.broker(guess), new LogWire.Produce(requestId, currentValue));
            ctx.setTimer(TIMEOUT, new Expired(requestId));
        } else if (t instanceof Expired e && current != null && e.id() == requestId) {
            recorder.info(current, KafkaOps.sendOk(Value.of(0), OptionalLong.empty(), Value.of(currentValue)));
            process = recorder.freshProcess();   // Jepsen's rule: a process with an unknown outcome never invokes again
            done(ctx);
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof LogWire.ProduceReply r && current != null && r.id() == requestId) {
            if (r.ok()) {
                recorder.ok(current, KafkaOps.sendOk(Value.of(0), OptionalLong.of(r.offset()), Value.of(currentValue)));
                tally.acked(from.name(), r.offset());
                current = null;
                next(ctx);
            } else {
                recorder.fail(current, KafkaOps.sendOk(Value.of(0), OptionalLong.empty(), Value.of(currentValue)));
                done(ctx);
            }
        }
    }

    /** The op ended without an acknowledgement: try the next broker. */
    private void done(Context ctx) {
        current = null;
        guess = (guess + 1) % cluster.brokerIds().size();
        next(ctx);
    }
}
