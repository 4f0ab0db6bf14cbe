package io.faultline.models.s3;

import io.faultline.models.s3.api.S3Result;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A test client that sends a script of requests one after the other through {@link S3Client} and
 * keeps every answer. A step may compute its request from the answers so far.
 */
final class ScriptDriver implements Process {
    private final S3Client s3;
    private final List<Function<List<S3Result<?>>, S3Request>> steps;
    final List<S3Result<?>> results = new ArrayList<>();

    ScriptDriver(HostId frontEnd, List<Function<List<S3Result<?>>, S3Request>> steps) {
        this.s3 = new S3Client(frontEnd);
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

    boolean done() {
        return results.size() == steps.size();
    }
}
