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

/**
 * Multipart uploads on a front-end (FIDELITY A3): uploads live in the index as mergeable records
 * (parts by last writer, status only moves forward), read and written by majority in both modes.
 * A part's bytes are a blob on the storage hosts; completing an upload makes the listed parts'
 * blobs the object's chunks, so no bytes move.
 * An upload stays listed until completed or aborted, whatever happens to the client that started
 * it (A3.2: "you must explicitly complete or stop" it).
 */
public final class MultipartHandlers {
    private final FrontEnd fe;
    private final IndexClient ix;
    private final BlobClient blobs;
    private final Handlers objects;

    MultipartHandlers(FrontEnd fe, IndexClient ix, BlobClient blobs, Handlers objects) {
        this.fe = fe;
        this.ix = ix;
        this.blobs = blobs;
        this.objects = objects;
    }

    void handle(long rid, BucketRecord rec, S3Request req) {
        String bucket = rec.name();
        if (req instanceof S3Request.CreateMultipartUpload r) {
            Optional<S3Failure> bad = Keys.validate(r.key());
            if (bad.isPresent()) {
                fe.respond(rid, S3Result.err(bad.get()));
                return;
            }
            S3Result<StorageClass> cls = ColdHandlers.storageClass(r.storageClass());
            if (!(cls instanceof S3Result.Ok<StorageClass> c)) {
                fe.respond(rid, cls);
                return;
            }
            var s = ix.stamp(KeyState.EMPTY);
            Upload u = Upload.open(Ids.upload(s), r.key(), s.time(), c.value());
            ix.writeUpload(rid, bucket, u, () -> fe.respond(rid, S3Result.ok(u.uploadId())));
        } else if (req instanceof S3Request.UploadPart r) {
            ix.upload(rid, bucket, r.key(), r.uploadId(), u -> {
                Optional<S3Failure> bad = MultipartOps.checkPart(u.filter(x -> x.key().equals(r.key())),
                        r.uploadId(), r.partNumber(), r.body());
                if (bad.isPresent()) {
                    fe.respond(rid, S3Result.err(bad.get()));
                    return;
                }
                // The part's bytes go to the storage hosts; the upload record names their blob.
                blobs.store(rid, r.body(), ref -> {
                    var s = ix.stamp(KeyState.EMPTY);
                    Upload next = u.get().withPart(Part.located(r.partNumber(), r.body(), ref, s, s.time()));
                    ix.writeUpload(rid, bucket, next, () -> fe.respond(rid, S3Result.ok(r.body().etag())));
                });
            });
        } else if (req instanceof S3Request.CompleteMultipartUpload r) {
            ix.upload(rid, bucket, r.key(), r.uploadId(), u -> {
                Optional<Upload> mine = u.filter(x -> x.key().equals(r.key()));
                S3Result<StoredObject> o = MultipartOps.complete(mine, r.uploadId(), r.parts(), ix.now());
                if (!(o instanceof S3Result.Ok<StoredObject> ok)) {
                    fe.respond(rid, o);
                    return;
                }
                objects.put(rid, rec, r.key(), ok.value(), r.conditions(), res -> {
                    if (!res.isOk()) {
                        fe.respond(rid, res);
                        return;
                    }
                    ix.writeUpload(rid, bucket, mine.get().finish(Upload.Status.COMPLETED), () -> fe.respond(rid, res));
                });
            });
        } else if (req instanceof S3Request.AbortMultipartUpload r) {
            ix.upload(rid, bucket, r.key(), r.uploadId(), u -> {
                if (u.isEmpty() || !u.get().isOpen() || !u.get().key().equals(r.key())) {
                    fe.respond(rid, S3Result.err(MultipartOps.noSuchUpload(r.uploadId())));
                    return;
                }
                ix.writeUpload(rid, bucket, u.get().finish(Upload.Status.ABORTED), () -> fe.respond(rid, S3Result.ok(true)));
            });
        } else if (req instanceof S3Request.ListParts r) {
            ix.upload(rid, bucket, r.key(), r.uploadId(), u -> fe.respond(rid, MultipartOps.listParts(
                    u.filter(x -> x.key().equals(r.key())), r.uploadId(), r.partNumberMarker(), r.maxParts())));
        } else if (req instanceof S3Request.ListMultipartUploads) {
            ix.uploads(rid, bucket, all -> fe.respond(rid, S3Result.ok(BucketStore.listUploads(all, Limits.MAX_LIST_PAGE))));
        } else {
            fe.respond(rid, S3Result.err(S3Error.INVALID_REQUEST, "unsupported request " + req.getClass().getSimpleName()));
        }
    }
}
