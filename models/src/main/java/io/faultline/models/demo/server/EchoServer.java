package io.faultline.models.demo.server;

import io.faultline.models.demo.wire.EchoMessage;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import org.apiguardian.api.API;

/** Answers every ping with a pong of the same value. Stateless, so crashes cost it nothing. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EchoServer implements Process {
    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof EchoMessage.Ping p) {
            ctx.send(from, new EchoMessage.Pong(p.opId(), p.value()));
        }
    }
}
