package io.faultline.models.demo.workload;

import io.faultline.checker.history.Value;
import io.faultline.models.demo.wire.BroadcastMessage;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Client;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;

import java.util.List;
import org.apiguardian.api.API;

/** Adds unique values through random nodes at a Poisson rate, one operation at a time. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BroadcastClient extends Client {
    private record Think() implements Timer {
    }

    private final List<HostId> nodes;
    private final int clientIndex;
    private final double meanThinkNanos;
    private final long stopAtNanos;
    private long counter;

    public BroadcastClient(Recorder recorder, int clientIndex, List<HostId> nodes, long timeoutNanos,
            double meanThinkNanos, long stopAtNanos) {
        super(recorder, clientIndex, timeoutNanos);
        this.clientIndex = clientIndex;
        this.nodes = List.copyOf(nodes);
        this.meanThinkNanos = meanThinkNanos;
        this.stopAtNanos = stopAtNanos;
    }

    @Override
    protected void onIdle(Context ctx) {
        ctx.setTimer((long) ctx.rng().exponential(meanThinkNanos), new Think());
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        if (t instanceof Think && ctx.now() < stopAtNanos) {
            long value = clientIndex * 1_000_000L + counter++;
            OpHandle op = begin(ctx, "add", Value.of(value));
            ctx.send(ctx.rng().pick(nodes), new BroadcastMessage.Add(op.id(), value));
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof BroadcastMessage.AddOk ok) {
            current().ifPresent(op -> ok(ctx, ok.opId(), op.value()));
        }
    }
}
