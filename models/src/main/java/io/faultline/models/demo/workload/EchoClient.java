package io.faultline.models.demo.workload;

import io.faultline.checker.history.Value;
import io.faultline.models.demo.wire.EchoMessage;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Client;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import org.apiguardian.api.API;

/** Pings the server with random values, one at a time, pausing a random think time in between. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EchoClient extends Client {
    private record Think() implements Timer {
    }

    private final HostId server;
    private final long meanThinkNanos;
    private final long stopAtNanos;

    public EchoClient(Recorder recorder, int process, HostId server, long timeoutNanos, long meanThinkNanos,
            long stopAtNanos) {
        super(recorder, process, timeoutNanos);
        this.server = server;
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
            long value = ctx.rng().nextInt(1_000_000);
            OpHandle op = begin(ctx, "echo", Value.of(value));
            ctx.send(server, new EchoMessage.Ping(op.id(), value));
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof EchoMessage.Pong p) {
            ok(ctx, p.opId(), Value.of(p.value()));
        }
    }
}
