package io.faultline.models.glacier.workload;

import io.faultline.models.glacier.api.GlacierCall;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.wire.GlacierWire;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.client.PendingRequests;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The vault API's client library for processes in the simulation: it sends calls to the service
 * over the simulated network and calls back with the service's answer (an error code, never an
 * exception). No retries and no timeout of its own: an answer lost to a partition never calls
 * back, so callers set their own timers.
 *
 * <pre>{@code
 * GlacierRequester glacier = new GlacierRequester(service);
 * // in a handler:
 * glacier.call(ctx, new GlacierCall.InitiateJob("photos", JobRequest.archive(id, Tier.BULK).notifying(ctx.self())),
 *         r -> ctx.log("job " + r));
 * // and first thing in onMessage:
 * if (glacier.onMessage(m)) return;
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GlacierRequester {
    private final HostId service;
    private final PendingRequests<Consumer<GlacierResult<?>>> waiting = new PendingRequests<>();

    public GlacierRequester(HostId service) {
        this.service = service;
    }

    public HostId service() {
        return service;
    }

    /** Sends a call; {@code callback} receives the answer if one arrives. Returns the call's id. */
    public long call(Context ctx, GlacierCall call, Consumer<GlacierResult<?>> callback) {
        return waiting.send(ctx, service, id -> new GlacierWire.Call(id, call), callback);
    }

    /** Delivers an answer to its callback; true if {@code m} was an answer (notifications are not). */
    public boolean onMessage(Message m) {
        if (m instanceof GlacierWire.Answer a) {
            waiting.close(a.id()).ifPresent(k -> k.accept(a.result()));
            return true;
        }
        return false;
    }

    /** Forgets a call whose answer no longer matters. */
    public void forget(long id) {
        waiting.forget(id);
    }
}
