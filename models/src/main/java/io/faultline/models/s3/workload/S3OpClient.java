package io.faultline.models.s3.workload;

import io.faultline.checker.history.Value;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Client;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Base of scripted recording clients over {@link S3Requester}: one request at a time, recorded
 * {@code ok} for a 2xx answer, {@code fail} with S3's status and code for a refusal (a refused
 * request changed nothing), and {@code info} (at the timeout) for a write answered 500 or 503
 * after it may have started ({@link Outcomes}). Used by the cold-path scenarios.
 *
 * <pre>{@code
 * perform(ctx, "get", key, new S3Request.GetObject(...), r -> seen.add(r));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class S3OpClient extends Client {
    private final S3Requester s3;

    S3OpClient(Recorder recorder, HostId frontEnd) {
        super(recorder, 0, Simulation.MINUTES);
        this.s3 = new S3Requester(frontEnd);
    }

    /** Invokes {@code f} as {@code request}; {@code then} sees the answer before the next operation starts. */
    protected final void perform(Context ctx, String f, String key, S3Request request, Consumer<S3Result<?>> then) {
        OpHandle op = begin(ctx, f, Value.of(key));
        s3.send(ctx, request, r -> {
            if (current().filter(c -> c.id() == op.id()).isEmpty()) {
                return;
            }
            then.accept(r);
            if (!r.isOk() && request.isWrite() && Outcomes.indefinite(r.failureOrThrow())) {
                return; // may have been applied: the client's timeout records it as info
            }
            if (r.isOk()) {
                ok(ctx, op.id(), Value.of("ok"));
            } else {
                fail(ctx, op.id(), Value.of(r.failureOrThrow().status() + " " + r.failureOrThrow().error().code()));
            }
        });
    }

    /** The HTTP status of an answer: 200 for a success unless the value says otherwise. */
    static int status(S3Result<?> r) {
        if (!r.isOk()) {
            return r.failureOrThrow().status();
        }
        Object v = r.orThrow();
        if (v instanceof io.faultline.models.s3.api.response.RestoreObjectResponse rr) {
            return rr.status();
        }
        if (v instanceof io.faultline.models.s3.api.response.GetObjectResponse g) {
            return g.status();
        }
        return 200;
    }

    @Override
    public final void onMessage(Context ctx, HostId from, Message m) {
        s3.onMessage(m);
    }
}
