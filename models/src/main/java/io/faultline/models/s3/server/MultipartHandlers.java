package io.faultline.models.s3.server;

import io.faultline.models.s3.api.Keys;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.store.BucketStore;
import io.faultline.models.s3.store.Ids;
import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.store.Limits;
import io.faultline.models.s3.store.MultipartOps;
import io.faultline.models.s3.store.Part;
import io.faultline.models.s3.store.StoredObject;
import io.faultline.models.s3.store.Upload;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Multipart uploads on a front-end (FIDELITY A3): uploads live in the index as mergeable records
 * (parts by last writer, status only moves forward), read and written by majority in both modes.
 * A part's bytes are a blob on the storage hosts; completing an upload makes the listed parts'
 * blobs the object's chunks, so no bytes move.
 * An upload stays listed until completed or aborted, whatever happens to the client that started
 * it (A3.2: "you must explicitly complete or stop" it).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MultipartHandlers {
    private final FrontEndContext front;
    private final IndexCalls indexCalls;
    private final BlobCalls blobs;
    private final Handlers objects;

    MultipartHandlers(FrontEndContext front, IndexCalls indexCalls, BlobCalls blobs, Handlers objects) {
        this.front = front;
        this.indexCalls = indexCalls;
        this.blobs = blobs;
        this.objects = objects;
    }

    void handle(long requestId, BucketRecord rec, S3Request req) {
        String bucket = rec.name();
        if (req instanceof S3Request.CreateMultipartUpload r) {
            Optional<S3Failure> bad = Keys.validate(r.key());
            if (bad.isPresent()) {
                front.respond(requestId, S3Result.err(bad.get()));
                return;
            }
            S3Result<StorageClass> cls = ColdHandlers.storageClass(r.storageClass());
            if (!(cls instanceof S3Result.Ok<StorageClass> c)) {
                front.respond(requestId, cls);
                return;
            }
            var s = indexCalls.stamp(KeyState.EMPTY);
            Upload u = Upload.open(Ids.upload(s), r.key(), s.time(), c.value());
            indexCalls.writeUpload(requestId, bucket, u, () -> front.respond(requestId, S3Result.ok(u.uploadId())));
        } else if (req instanceof S3Request.UploadPart r) {
            indexCalls.upload(requestId, bucket, r.key(), r.uploadId(), u -> {
                Optional<S3Failure> bad = MultipartOps.checkPart(u.filter(x -> x.key().equals(r.key())),
                        r.uploadId(), r.partNumber(), r.body());
                if (bad.isPresent()) {
                    front.respond(requestId, S3Result.err(bad.get()));
                    return;
                }
                // The part's bytes go to the storage hosts; the upload record names their blob.
                blobs.store(requestId, r.body(), ref -> {
                    var s = indexCalls.stamp(KeyState.EMPTY);
                    Upload next = u.get().withPart(Part.located(r.partNumber(), r.body(), ref, s, s.time()));
                    indexCalls.writeUpload(requestId, bucket, next, () -> front.respond(requestId, S3Result.ok(r.body().etag())));
                });
            });
        } else if (req instanceof S3Request.CompleteMultipartUpload r) {
            indexCalls.upload(requestId, bucket, r.key(), r.uploadId(), u -> {
                Optional<Upload> mine = u.filter(x -> x.key().equals(r.key()));
                S3Result<StoredObject> o = MultipartOps.complete(mine, r.uploadId(), r.parts(), indexCalls.now());
                if (!(o instanceof S3Result.Ok<StoredObject> ok)) {
                    front.respond(requestId, o);
                    return;
                }
                objects.put(requestId, rec, r.key(), ok.value(), r.conditions(), res -> {
                    if (!res.isOk()) {
                        front.respond(requestId, res);
                        return;
                    }
                    indexCalls.writeUpload(requestId, bucket, mine.get().finish(Upload.Status.COMPLETED), () -> front.respond(requestId, res));
                });
            });
        } else if (req instanceof S3Request.AbortMultipartUpload r) {
            indexCalls.upload(requestId, bucket, r.key(), r.uploadId(), u -> {
                if (u.isEmpty() || !u.get().isOpen() || !u.get().key().equals(r.key())) {
                    front.respond(requestId, S3Result.err(MultipartOps.noSuchUpload(r.uploadId())));
                    return;
                }
                indexCalls.writeUpload(requestId, bucket, u.get().finish(Upload.Status.ABORTED), () -> front.respond(requestId, S3Result.ok(true)));
            });
        } else if (req instanceof S3Request.ListParts r) {
            indexCalls.upload(requestId, bucket, r.key(), r.uploadId(), u -> front.respond(requestId, MultipartOps.listParts(
                    u.filter(x -> x.key().equals(r.key())), r.uploadId(), r.partNumberMarker(), r.maxParts())));
        } else if (req instanceof S3Request.ListMultipartUploads) {
            indexCalls.uploads(requestId, bucket, all -> front.respond(requestId, S3Result.ok(BucketStore.listUploads(all, Limits.MAX_LIST_PAGE))));
        } else {
            front.respond(requestId, S3Result.err(S3Error.INVALID_REQUEST, "unsupported request " + req.getClass().getSimpleName()));
        }
    }
}
