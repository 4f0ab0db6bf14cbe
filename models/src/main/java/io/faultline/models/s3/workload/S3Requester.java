package io.faultline.models.s3.workload;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.DeleteObjectResponse;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.response.RestoreObjectResponse;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.wire.S3Wire;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.client.PendingRequests;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The S3 client library for processes in the simulation: it sends API requests to a front-end over
 * the simulated network and calls back with S3's answer (status and error code included, never an
 * exception). It does not retry and has no timeout of its own: a request whose answer never comes
 * (partition, crash) simply never calls back, so callers set their own timers, as the recording
 * {@link io.faultline.sim.client.Client} does.
 *
 * <pre>{@code
 * S3Requester s3 = new S3Requester(frontEnd);
 * // in a handler:
 * s3.putObject(ctx, "photos", "a.jpg", Body.of("..."), r -> {
 *     if (r instanceof S3Result.Ok<PutObjectResponse> ok) ctx.log("etag " + ok.value().etag());
 * });
 * // and in onMessage:
 * if (s3.onMessage(m)) return;
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class S3Requester {
    private final HostId frontEnd;
    private final PendingRequests<Consumer<S3Result<?>>> waiting = new PendingRequests<>();

    public S3Requester(HostId frontEnd) {
        this.frontEnd = frontEnd;
    }

    public HostId frontEnd() {
        return frontEnd;
    }

    /** Sends any request; {@code callback} receives the answer if one arrives. */
    public long send(Context ctx, S3Request request, Consumer<S3Result<?>> callback) {
        return waiting.send(ctx, frontEnd, id -> new S3Wire.ClientRequest(id, request), callback);
    }

    /** Delivers a response to its callback; true if {@code m} was one of ours. */
    public boolean onMessage(Message m) {
        if (m instanceof S3Wire.ClientResponse r) {
            waiting.close(r.id()).ifPresent(k -> k.accept(r.result()));
            return true;
        }
        return false;
    }

    /** Forgets a request whose answer no longer matters (its caller timed out). */
    public void forget(long id) {
        waiting.forget(id);
    }

    @SuppressWarnings("unchecked")
    private static <T> Consumer<S3Result<?>> typed(Consumer<S3Result<T>> k) {
        return r -> k.accept((S3Result<T>) r);
    }

    public long putObject(Context ctx, String bucket, String key, Body body, Consumer<S3Result<PutObjectResponse>> k) {
        return send(ctx, new S3Request.PutObject(bucket, key, body, WriteConditions.none()), typed(k));
    }

    public long putObject(Context ctx, String bucket, String key, Body body, WriteConditions cond,
                          Consumer<S3Result<PutObjectResponse>> k) {
        return send(ctx, new S3Request.PutObject(bucket, key, body, cond), typed(k));
    }

    public long getObject(Context ctx, String bucket, String key, Consumer<S3Result<GetObjectResponse>> k) {
        return send(ctx, new S3Request.GetObject(bucket, key, Optional.empty(), Conditions.none(), ByteRange.NONE),
                typed(k));
    }

    public long getObject(Context ctx, S3Request.GetObject request, Consumer<S3Result<GetObjectResponse>> k) {
        return send(ctx, request, typed(k));
    }

    public long deleteObject(Context ctx, String bucket, String key, Consumer<S3Result<DeleteObjectResponse>> k) {
        return send(ctx, new S3Request.DeleteObject(bucket, key, Optional.empty()), typed(k));
    }

    public long listObjectsV2(Context ctx, String bucket, ListObjectsV2Request request,
                              Consumer<S3Result<ListObjectsV2Response>> k) {
        return send(ctx, new S3Request.ListObjectsV2(bucket, request), typed(k));
    }

    /**
     * RestoreObject (FIDELITY A10): 202 when a restore starts, 200 when the copy already exists,
     * 409 RestoreAlreadyInProgress while one runs; the copy lives {@code days} days.
     *
     * <pre>{@code
     * s3.restoreObject(ctx, "vault", "2019.tar", Optional.empty(), 3, RestoreTier.BULK, r -> ...);
     * }</pre>
     */
    public long restoreObject(Context ctx, String bucket, String key, Optional<String> versionId, int days,
                              RestoreTier tier, Consumer<S3Result<RestoreObjectResponse>> k) {
        return send(ctx, new S3Request.RestoreObject(bucket, key, versionId, days, tier), typed(k));
    }

    /** Any request with a typed answer (see each {@link S3Request} record for its answer type). */
    public <T> long request(Context ctx, S3Request request, Consumer<S3Result<T>> k) {
        return send(ctx, request, typed(k));
    }
}
