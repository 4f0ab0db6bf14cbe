package io.faultline.labs.s3ryw;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.workload.Outcomes;
import io.faultline.models.s3.workload.S3Requester;
import io.faultline.sim.Message;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Legacy S3 as the lab's client sees it: bucket {@code data} of the S3 model in legacy
 * consistency (FIDELITY A1.2): a new key is read-after-write unless a GET saw it missing first;
 * an overwrite may be read stale for a while; a LIST may miss keys whose PUT completed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LegacyS3 {
    static final String BUCKET = "data";

    private final Backends backends;
    private final S3Requester s3;

    LegacyS3(Backends backends, S3Requester s3) {
        this.backends = backends;
        this.s3 = s3;
    }

    /** PUT; {@code Ok} carries the object's ETag. */
    public void put(String key, String value, Consumer<Reply<String>> answer) {
        s3.putObject(backends.context(), BUCKET, key, Body.of(value), r -> answer.accept(written(r)));
    }

    /** PUT with {@code If-None-Match: *}: {@code Failed("PreconditionFailed", false)} if the key exists. */
    public void putIfAbsent(String key, String value, Consumer<Reply<String>> answer) {
        s3.putObject(backends.context(), BUCKET, key, Body.of(value), WriteConditions.ifAbsent(),
                r -> answer.accept(written(r)));
    }

    /** GET; {@code NotFound} on 404. */
    public void get(String key, Consumer<Reply<String>> answer) {
        s3.getObject(backends.context(), BUCKET, key, r -> {
            if (r instanceof S3Result.Ok<GetObjectResponse> ok) {
                answer.accept(new Reply.Ok<>(((Body.Bytes) ok.value().body()).utf8()));
            } else if (r.failureOrThrow().error() == S3Error.NO_SUCH_KEY) {
                answer.accept(new Reply.NotFound<>());
            } else {
                answer.accept(failed(r.failureOrThrow()));
            }
        });
    }

    /** ListObjectsV2 of {@code prefix}, every page: the keys, sorted. */
    public void list(String prefix, Consumer<Reply<List<String>>> answer) {
        s3.listObjectsV2(backends.context(), BUCKET, ListObjectsV2Request.all().withPrefix(prefix), r -> {
            if (r instanceof S3Result.Ok<ListObjectsV2Response> ok) {
                answer.accept(new Reply.Ok<>(List.copyOf(ok.value().keys())));
            } else {
                answer.accept(failed(r.failureOrThrow()));
            }
        });
    }

    private static Reply<String> written(S3Result<?> r) {
        if (r.isOk()) {
            return new Reply.Ok<>(((io.faultline.models.s3.api.response.PutObjectResponse) r.orThrow()).etag());
        }
        return failed(r.failureOrThrow());
    }

    private static <T> Reply<T> failed(S3Failure f) {
        return new Reply.Failed<>(f.error().code(), Outcomes.indefinite(f));
    }

    boolean onMessage(Message m) {
        return s3.onMessage(m);
    }
}
