package io.faultline.labs.kafkas3;

import io.faultline.labs.s3ryw.Reply;
import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.workload.Outcomes;
import io.faultline.models.s3.workload.S3Requester;
import io.faultline.sim.Message;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * S3 as the sink sees it: bucket {@code sink} of the S3 model in strong consistency (FIDELITY
 * A1.1). Every call is answered exactly once: with S3's answer, or, when none came within a
 * second (a partition, a paused host), with {@code Failed("no answer", true)}: the request may
 * still have taken effect, which is what makes a retry dangerous.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SinkS3 {
    static final String BUCKET = "sink";
    static final long TIMEOUT = Simulation.SECONDS;

    private final SinkContext context;
    private final S3Requester s3;
    private final Map<Long, Runnable> timeouts = new TreeMap<>();

    SinkS3(SinkContext context, S3Requester s3) {
        this.context = context;
        this.s3 = s3;
    }

    /** PUT (an overwrite replaces the object); {@code Ok} carries the ETag. */
    public void put(String key, String body, Consumer<Reply<String>> answer) {
        watch(answer, once -> s3.putObject(context.context(), BUCKET, key, Body.of(body), r -> once.accept(written(r))));
    }

    /** PUT with {@code If-None-Match: *}: {@code Failed("PreconditionFailed", false)} if the key exists. */
    public void putIfAbsent(String key, String body, Consumer<Reply<String>> answer) {
        watch(answer, once -> s3.putObject(context.context(), BUCKET, key, Body.of(body), WriteConditions.ifAbsent(),
                r -> once.accept(written(r))));
    }

    /** GET; {@code NotFound} on 404. */
    public void get(String key, Consumer<Reply<String>> answer) {
        watch(answer, once -> s3.getObject(context.context(), BUCKET, key, r -> {
            if (r instanceof S3Result.Ok<GetObjectResponse> ok) {
                once.accept(new Reply.Ok<>(((Body.Bytes) ok.value().body()).utf8()));
            } else if (r.failureOrThrow().error() == S3Error.NO_SUCH_KEY) {
                once.accept(new Reply.NotFound<>());
            } else {
                once.accept(failed(r.failureOrThrow()));
            }
        }));
    }

    /** ListObjectsV2 of {@code prefix}, every page: the keys, sorted. */
    public void list(String prefix, Consumer<Reply<List<String>>> answer) {
        watch(answer, once -> s3.listObjectsV2(context.context(), BUCKET, ListObjectsV2Request.all().withPrefix(prefix), r -> {
            if (r instanceof S3Result.Ok<ListObjectsV2Response> ok) {
                once.accept(new Reply.Ok<>(List.copyOf(ok.value().keys())));
            } else {
                once.accept(failed(r.failureOrThrow()));
            }
        }));
    }

    /** Sends a request through {@code send}, answering once: S3's answer or the timeout's. */
    private <T> void watch(Consumer<Reply<T>> answer, java.util.function.ToLongFunction<Consumer<Reply<T>>> send) {
        long[] id = {-1};
        boolean[] answered = {false};
        Consumer<Reply<T>> once = r -> {
            if (!answered[0]) {
                answered[0] = true;
                timeouts.remove(id[0]);
                answer.accept(r);
            }
        };
        id[0] = send.applyAsLong(once);
        if (!answered[0]) {
            timeouts.put(id[0], () -> {
                s3.forget(id[0]);
                once.accept(new Reply.Failed<>("no answer within 1 s", true));
            });
            context.context().setTimer(TIMEOUT, new SinkTimer.S3Timeout(id[0]));
        }
    }

    private static Reply<String> written(S3Result<PutObjectResponse> r) {
        if (r instanceof S3Result.Ok<PutObjectResponse> ok) {
            return new Reply.Ok<>(ok.value().etag());
        }
        return failed(r.failureOrThrow());
    }

    private static <T> Reply<T> failed(S3Failure f) {
        return new Reply.Failed<>(f.error().code(), Outcomes.indefinite(f));
    }

    void timedOut(long id) {
        Runnable t = timeouts.remove(id);
        if (t != null) {
            t.run();
        }
    }

    boolean onMessage(Message m) {
        return s3.onMessage(m);
    }
}
