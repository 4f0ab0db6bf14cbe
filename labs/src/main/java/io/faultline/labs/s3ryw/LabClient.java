package io.faultline.labs.s3ryw;

import io.faultline.checker.history.Value;
import io.faultline.models.s3.workload.ObjectWorkload;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Client;
import io.faultline.sim.client.Invocation;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import java.util.List;

/**
 * The harness around the student's {@link ConsistentStore} on one client host: it draws the next
 * operation from a workload, calls the student's method, and records what the caller saw, in the
 * same vocabulary as the S3 model's own clients (so the S3 checks judge it). The backends get the
 * context of every handler before student code runs in it.
 */
final class LabClient extends Client {
    private record Think() implements Timer {
    }

    private final Backends backends;
    private final ConsistentStore store;
    private final ObjectWorkload workload;
    private final long thinkNanos;

    LabClient(Recorder recorder, int process, Backends backends, ConsistentStore store, ObjectWorkload workload,
              long timeoutNanos, long thinkNanos) {
        super(recorder, process, timeoutNanos);
        this.backends = backends;
        this.store = store;
        this.workload = workload;
        this.thinkNanos = thinkNanos;
    }

    @Override
    public void onStart(Context ctx) {
        backends.enter(ctx);
        super.onStart(ctx);
    }

    @Override
    protected void onIdle(Context ctx) {
        ctx.setTimer(1 + (long) ctx.rng().exponential(thinkNanos), new Think());
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        backends.enter(ctx);
        if (t instanceof Backends.Later later) {
            later.task().run();
        } else if (t instanceof Think && current().isEmpty()) {
            workload.next(ctx.rng()).ifPresent(this::start);
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        backends.enter(ctx);
        backends.onMessage(m);
    }

    private void start(Invocation inv) {
        OpHandle op = begin(backends.context(), inv.f(), inv.value());
        List<Value> args = ((Value.Vec) op.value()).items();
        String key = ((Value.Str) args.get(0)).value();
        switch (op.f()) {
            case "put" -> store.put(key, ((Value.Str) args.get(1)).value(), done(op, version -> {
                workload.observed(key, args.get(1));
                return op.value();
            }));
            case "get" -> store.get(key, done(op, got -> Value.vec(Value.of(key), got.<Value>map(Value::of).orElse(Value.NIL))));
            default -> store.list(key, done(op, keys -> Value.vec(Value.of(key),
                    Value.vec(keys.stream().sorted().distinct().<Value>map(Value::of).toList()))));
        }
    }

    /** The student's completion of {@code op}: records ok with {@code recorded} of the result, or fail. */
    private <T> Done<T> done(OpHandle op, java.util.function.Function<T, Value> recorded) {
        return new Done<>() {
            @Override
            public void ok(T result) {
                if (current().map(c -> c.id() == op.id()).orElse(false)) {
                    LabClient.this.ok(backends.context(), op.id(), recorded.apply(java.util.Objects.requireNonNull(result,
                            "Done.ok(null): complete with a value (an empty Optional or list, not null)")));
                }
            }

            @Override
            public void fail(String reason) {
                LabClient.this.fail(backends.context(), op.id(), op.value());
            }
        };
    }

}
