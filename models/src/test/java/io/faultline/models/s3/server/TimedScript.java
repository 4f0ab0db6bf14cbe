package io.faultline.models.s3.server;

import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.workload.S3Requester;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/** A test client that sends each request at (or, if the previous answer came later, right after) its virtual time. */
final class TimedScript implements Process {
    /** One request, computed from the answers so far, and when to send it. */
    record At(long nanos, Function<List<S3Result<?>>, S3Request> request) {
    }

    private record Next() implements Timer {
    }

    private final S3Requester s3;
    private final List<At> steps;
    private final TreeMap<Integer, S3Result<?>> results = new TreeMap<>();
    private final List<Long> answeredAt = new ArrayList<>();

    TimedScript(HostId frontEnd, List<At> steps) {
        this.s3 = new S3Requester(frontEnd);
        this.steps = List.copyOf(steps);
    }

    @Override
    public void onStart(Context ctx) {
        schedule(ctx);
    }

    private void schedule(Context ctx) {
        if (results.size() < steps.size()) {
            ctx.setTimer(Math.max(0, steps.get(results.size()).nanos() - ctx.now()), new Next());
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        int i = results.size();
        s3.send(ctx, steps.get(i).request().apply(results()), r -> {
            results.put(i, r);
            answeredAt.add(ctx.now());
            schedule(ctx);
        });
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        s3.onMessage(m);
    }

    List<S3Result<?>> results() {
        return new ArrayList<>(results.values());
    }
}
