package io.faultline.models.s3.workload;

import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A client that sends a script of requests one after the other through {@link S3Requester} and keeps
 * every answer; a step may compute its request from the answers so far. For tests, examples and
 * scripted scenarios.
 *
 * <pre>{@code
 * sim.addHost("driver", self -> new ScriptRunner(frontEnd, List.of(
 *         prev -> new S3Request.CreateBucket("photos"),
 *         prev -> new S3Request.PutObject("photos", "a.jpg", Body.of("..."), WriteConditions.none()))));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScriptRunner implements Process {
    private final S3Requester s3;
    private final List<Function<List<S3Result<?>>, S3Request>> steps;
    private final List<S3Result<?>> results = new ArrayList<>();

    public ScriptRunner(HostId frontEnd, List<Function<List<S3Result<?>>, S3Request>> steps) {
        this.s3 = new S3Requester(frontEnd);
        this.steps = steps;
    }

    @Override
    public void onStart(Context ctx) {
        next(ctx);
    }

    private void next(Context ctx) {
        if (results.size() == steps.size()) {
            return;
        }
        S3Request r = steps.get(results.size()).apply(results);
        s3.send(ctx, r, res -> {
            results.add(res);
            next(ctx);
        });
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        s3.onMessage(m);
    }

    /** True once every step has its answer. */
    public boolean done() {
        return results.size() == steps.size();
    }

    /** The answers so far, in step order. */
    public List<S3Result<?>> results() {
        return List.copyOf(results);
    }
}
