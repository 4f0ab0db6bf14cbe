package io.faultline.models.s3.workload;

import io.faultline.checker.history.Value;
import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Client;
import io.faultline.sim.client.Invocation;
import io.faultline.sim.client.OpHandle;
import io.faultline.sim.client.Recorder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A recording client on its own host: it performs an {@link ObjectWorkload} through the
 * {@link S3Requester} library, one operation at a time, and records what it saw in Jepsen's
 * vocabulary. A 2xx (or a 404 for a GET) is {@code ok}; an error S3 gives before doing anything
 * (SlowDown, 4xx, among them a conditional put's 412 and 409) is {@code fail}; a 5xx from a front-end that may have started the write, or no
 * answer at all, becomes {@code info} at the client's timeout.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ObjectClient extends Client {
    private record Think() implements Timer {
    }

    private final S3Requester s3;
    private final String bucket;
    private final ObjectWorkload workload;
    private final long thinkMeanNanos;
    private final long stopAtNanos;

    public ObjectClient(Recorder recorder, int process, HostId frontEnd, String bucket, ObjectWorkload workload,
                        long timeoutNanos, long thinkMeanNanos, long stopAtNanos) {
        super(recorder, process, timeoutNanos);
        this.s3 = new S3Requester(frontEnd);
        this.bucket = bucket;
        this.workload = workload;
        this.thinkMeanNanos = thinkMeanNanos;
        this.stopAtNanos = stopAtNanos;
    }

    @Override
    protected void onIdle(Context ctx) {
        if (ctx.now() >= stopAtNanos) {
            return;
        }
        if (thinkMeanNanos > 0) {
            ctx.setTimer(1 + (long) ctx.rng().exponential(thinkMeanNanos), new Think());
        } else {
            startNext(ctx);
        }
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        if (t instanceof Think && current().isEmpty() && ctx.now() < stopAtNanos) {
            startNext(ctx);
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        s3.onMessage(m);
    }

    private void startNext(Context ctx) {
        Optional<Invocation> inv = workload.next(ctx.rng());
        if (inv.isEmpty()) {
            return;
        }
        OpHandle op = begin(ctx, inv.get().f(), inv.get().value());
        Value.Vec v = (Value.Vec) op.value();
        String key = ((Value.Str) v.items().get(0)).value();
        switch (op.f()) {
            case "put":
                String content = ((Value.Str) v.items().get(1)).value();
                s3.putObject(ctx, bucket, key, Body.of(content), r -> write(ctx, op, r, key, v.items().get(1)));
                break;
            case "cas":
                Value.Vec oldNew = (Value.Vec) v.items().get(1);
                s3.putObject(ctx, bucket, key, Body.of(((Value.Str) oldNew.items().get(1)).value()),
                        conditions(oldNew.items().get(0)), r -> write(ctx, op, r, key, oldNew.items().get(1)));
                break;
            case "delete":
                s3.deleteObject(ctx, bucket, key, r -> write(ctx, op, r, key, Value.NIL));
                break;
            case "get":
                s3.getObject(ctx, bucket, key, r -> {
                    if (r instanceof S3Result.Ok<?> ok) {
                        String got = ((Body.Bytes) ((io.faultline.models.s3.api.response.GetObjectResponse) ok.value()).body()).utf8();
                        workload.observed(key, Value.of(got));
                        ok(ctx, op.id(), Value.vec(Value.of(key), Value.of(got)));
                    } else if (r.failureOrThrow().error() == S3Error.NO_SUCH_KEY) {
                        workload.observed(key, Value.NIL);
                        ok(ctx, op.id(), Value.vec(Value.of(key), Value.NIL));
                    } else {
                        fail(ctx, op.id(), op.value());
                    }
                });
                break;
            default:
                s3.listObjectsV2(ctx, bucket, ListObjectsV2Request.all().withPrefix(key), r -> {
                    if (r instanceof S3Result.Ok<?> ok) {
                        var keys = ((io.faultline.models.s3.api.response.ListObjectsV2Response) ok.value()).keys();
                        ok(ctx, op.id(), Value.vec(Value.of(key), Value.vec(keys.stream().map(Value::of).toList())));
                    } else {
                        fail(ctx, op.id(), op.value());
                    }
                });
                break;
        }
    }

    /**
     * A conditional put's headers (FIDELITY A7.2): {@code If-None-Match: *} when it expects the key
     * absent, else {@code If-Match} with the expected content's ETag (its hex MD5, A3.3).
     */
    private static WriteConditions conditions(Value expected) {
        if (expected.isNil()) {
            return WriteConditions.ifAbsent();
        }
        byte[] bytes = ((Value.Str) expected).value().getBytes(StandardCharsets.UTF_8);
        return WriteConditions.ifMatch(ETags.hex(ETags.md5(bytes)));
    }

    /** A write's answer; {@code content} is what the key holds once it succeeded. */
    private void write(Context ctx, OpHandle op, S3Result<?> r, String key, Value content) {
        if (r.isOk()) {
            workload.observed(key, content);
            ok(ctx, op.id(), op.value());
            return;
        }
        S3Failure f = r.failureOrThrow();
        if (Outcomes.indefinite(f)) {
            return; // may have been applied: let the timeout record it as info
        }
        fail(ctx, op.id(), op.value());
    }
}
