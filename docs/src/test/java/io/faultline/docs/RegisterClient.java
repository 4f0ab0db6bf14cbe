package io.faultline.docs;

import io.faultline.checker.history.Value;
import io.faultline.docs.RegisterMessage.Read;
import io.faultline.docs.RegisterMessage.ReadOk;
import io.faultline.docs.RegisterMessage.Write;
import io.faultline.docs.RegisterMessage.WriteOk;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Client;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import java.util.List;

/**
 * A client of the example register: after a pause to think, it writes a value no one wrote before
 * (to the primary) or reads (from a replica {@code readers} picks), one operation at a time.
 */
final class RegisterClient extends Client {
    private record Think() implements Timer {
    }

    private final int id;
    private final HostId primary;
    private final List<HostId> readers;
    private final Runnable onWriteAcknowledged;
    private long written;

    RegisterClient(Recorder recorder, int id, HostId primary, List<HostId> readers, Runnable onWriteAcknowledged) {
        super(recorder, id, 300 * Simulation.MILLIS);
        this.id = id;
        this.primary = primary;
        this.readers = readers;
        this.onWriteAcknowledged = onWriteAcknowledged;
    }

    @Override
    protected void onIdle(Context ctx) {
        ctx.setTimer(20 * Simulation.MILLIS, new Think());
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        if (ctx.rng().chance(0.5)) {
            long v = 1 + id * 1_000_000L + written++;
            OpHandle op = begin(ctx, "write", Value.of(v));
            ctx.send(primary, new Write(op.id(), v));
        } else {
            OpHandle op = begin(ctx, "read", Value.NIL);
            ctx.send(ctx.rng().pick(readers), new Read(op.id()));
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof WriteOk ok) {
            current().ifPresent(op -> {
                if (ok(ctx, ok.op(), op.value())) {
                    onWriteAcknowledged.run();
                }
            });
        } else if (m instanceof ReadOk r) {
            ok(ctx, r.op(), Value.of(r.value()));
        }
    }
}
