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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consumer assigned the partition (Jepsen's {@code :assign}), polling it from its position, one
 * {@code :poll} op at a time (as the Kafka model's consumer, FIDELITY C10). A poll that gets no
 * answer in time, or a "not the leader", completes with nothing read and the next poll tries the
 * next broker. The final reader starts late, from offset 0, as Jepsen's final reads do: whatever
 * the log lost or rewrote behind the tailing consumer's back, it reads.
 */
final class LogConsumer implements Process {
    private static final long TIMEOUT = 200 * Simulation.MILLIS;
    private static final long INTERVAL = 10 * Simulation.MILLIS;

    private record Next() implements Timer {
    }

    private record Expired(long id) implements Timer {
    }

    private final Recorder recorder;
    private final Cluster cluster;
    private final Tally tally;
    private final int process;
    private final long startAt;
    private final boolean finalReader;
    private int guess;
    private long position;
    private long requestId;
    private OpHandle current;

    LogConsumer(Recorder recorder, Cluster cluster, Tally tally, int process, long startAt, boolean finalReader) {
        this.startAt = startAt;
        this.finalReader = finalReader;
        this.recorder = recorder;
        this.cluster = cluster;
        this.tally = tally;
        this.process = process;
        this.guess = process % cluster.brokerIds().size();
    }

    @Override
    public void onStart(Context ctx) {
        OpHandle assign = recorder.invoke(process, KafkaOps.ASSIGN, Value.vec(Value.of(0)));
        recorder.ok(assign, Value.vec(Value.of(0)));
        ctx.setTimer(Math.max(INTERVAL, startAt), new Next());
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof Next && current == null) {
            current = recorder.invoke(process, KafkaOps.POLL, KafkaOps.pollInvoke());
            requestId++;
            ctx.send(cluster.broker(guess), new LogWire.Poll(requestId, position));
            ctx.setTimer(TIMEOUT, new Expired(requestId));
        } else if (t instanceof Expired e && current != null && e.id() == requestId) {
            guess = (guess + 1) % cluster.brokerIds().size();
            complete(ctx, List.of());
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (!(m instanceof LogWire.PollReply r) || current == null || r.id() != requestId) {
            return;
        }
        List<KafkaOps.Read> reads = new ArrayList<>();
        if (!r.ok()) {
            guess = (guess + 1) % cluster.brokerIds().size();
        } else if (r.offset() == position) {
            for (long v : r.values()) {
                reads.add(new KafkaOps.Read(position++, Value.of(v)));
                if (finalReader) {
                    tally.finalReaderAt(position);
                }
            }
        }
        complete(ctx, reads);
    }

    private void complete(Context ctx, List<KafkaOps.Read> reads) {
        Map<Value, List<KafkaOps.Read>> byKey = new LinkedHashMap<>();
        if (!reads.isEmpty()) {
            byKey.put(Value.of(0), reads);
        }
        recorder.ok(current, KafkaOps.pollOk(byKey));
        current = null;
        ctx.setTimer(INTERVAL, new Next());
    }
}
