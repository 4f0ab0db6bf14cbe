package io.faultline.docs.pb;

import io.faultline.checker.history.Value;
import io.faultline.docs.pb.PbMessage.NotPrimary;
import io.faultline.docs.pb.PbMessage.Read;
import io.faultline.docs.pb.PbMessage.ReadOk;
import io.faultline.docs.pb.PbMessage.Write;
import io.faultline.docs.pb.PbMessage.WriteOk;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Client;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import java.util.List;

// tag::client[]
/**
 * Records reads and writes of the register, one at a time, against the server it believes is the
 * primary; after a timeout or a {@code NotPrimary} it tries the other one.
 */
final class PbClient extends Client {
    private record Think() implements Timer {
    }

    private final int id;
    private final List<HostId> servers;
    private int target;
    private boolean answered = true;
    private long written;

    PbClient(Recorder recorder, int id, List<HostId> servers) {
        super(recorder, id, 300 * Simulation.MILLIS);
        this.id = id;
        this.servers = servers;
    }

    @Override
    protected void onIdle(Context ctx) {
        ctx.setTimer(20 * Simulation.MILLIS, new Think());
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        if (!answered) {
            target = 1 - target;                  // the last operation timed out
        }
        answered = false;
        HostId to = servers.get(target);
        if (ctx.rng().chance(0.5)) {
            long v = 1 + id * 1_000_000L + written++;   // every written value is unique
            OpHandle op = begin(ctx, "write", Value.of(v));
            ctx.send(to, new Write(op.id(), v));
        } else {
            OpHandle op = begin(ctx, "read", Value.NIL);
            ctx.send(to, new Read(op.id()));
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        answered = true;
        if (m instanceof WriteOk w) {
            current().ifPresent(op -> ok(ctx, w.op(), op.value()));
        } else if (m instanceof ReadOk r) {
            ok(ctx, r.op(), Value.of(r.value()));
        } else if (m instanceof NotPrimary n) {
            target = 1 - target;
            fail(ctx, n.op(), Value.NIL);         // refused: certainly not applied
        }
    }
}
// end::client[]
