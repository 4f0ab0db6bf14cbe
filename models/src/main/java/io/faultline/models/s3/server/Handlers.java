package io.faultline.models.s3.server;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.DeleteObjectResponse;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.Lister;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.store.BucketNames;
import io.faultline.models.s3.store.BucketStore;
import io.faultline.models.s3.store.Buckets;
import io.faultline.models.s3.store.Ids;
import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.store.Limits;
import io.faultline.models.s3.store.Mutation;
import io.faultline.models.s3.store.ObjectOps;
import io.faultline.models.s3.store.Slot;
import io.faultline.models.s3.store.Stamp;
import io.faultline.models.s3.store.StoredObject;
import io.faultline.models.s3.store.VersionLister;
import io.faultline.models.s3.store.VersioningState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Carries out each API request on a front-end: the S3 rules come from the pure {@code store}
 * package (FIDELITY A2 to A7), the reads and writes from {@link IndexCalls}. Every path ends in
 * exactly one {@link FrontEndContext#respond}; invalid requests get S3's error, never an exception.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Handlers {
    private final FrontEndContext front;
    private final IndexCalls indexCalls;
    private final BlobCalls blobs;
    private final MultipartHandlers multipart;
    private final ColdHandlers cold;

    Handlers(FrontEndContext front, IndexCalls indexCalls, BlobCalls blobs) {
        this.front = front;
        this.indexCalls = indexCalls;
        this.blobs = blobs;
        this.multipart = new MultipartHandlers(front, indexCalls, blobs, this);
        this.cold = new ColdHandlers(front, indexCalls);
    }

    void handle(long requestId, S3Request req) {
        if (req instanceof S3Request.CreateBucket r) {
            createBucket(requestId, r.bucket());
        } else if (req instanceof S3Request.DeleteBucket r) {
            deleteBucket(requestId, r.bucket());
        } else if (req instanceof S3Request.HeadBucket r) {
            indexCalls.bucket(requestId, r.bucket(), b -> front.respond(requestId, b.filter(x -> x.existsAt(indexCalls.now())).isPresent()
                    ? S3Result.ok(true) : S3Result.err(Buckets.noSuchBucket(r.bucket()))));
        } else if (req instanceof S3Request.ListBuckets) {
            // FIDELITY A1.3: "after a bucket is deleted, an immediate ListBuckets may still show it".
            indexCalls.buckets(requestId, all -> front.respond(requestId, S3Result.ok(all.values().stream()
                    .filter(x -> x.existsAt(indexCalls.now())).map(BucketRecord::name).toList())));
        } else if (req instanceof S3Request.PutBucketVersioning r) {
            putVersioning(requestId, r);
        } else {
            withBucket(requestId, req.bucket(), rec -> object(requestId, rec, req));
        }
    }

    private void object(long requestId, BucketRecord rec, S3Request req) {
        if (req instanceof S3Request.PutObject r) {
            Optional<S3Failure> tooBig = ObjectOps.checkPutSize(r.body());
            if (tooBig.isPresent()) {
                front.respond(requestId, S3Result.err(tooBig.get()));
                return;
            }
            S3Result<StorageClass> cls = ColdHandlers.storageClass(r.storageClass());
            if (!(cls instanceof S3Result.Ok<StorageClass> c)) {
                front.respond(requestId, cls);
                return;
            }
            put(requestId, rec, r.key(), StoredObject.single(r.body(), indexCalls.now()).in(c.value()), r.conditions(),
                    res -> front.respond(requestId, res));
        } else if (req instanceof S3Request.GetObject r) {
            get(requestId, rec, r.key(), r.versionId(), r.conditions(), r.range(), r.partNumber(), true,
                    res -> front.respond(requestId, res));
        } else if (req instanceof S3Request.HeadObject r) {
            get(requestId, rec, r.key(), r.versionId(), r.conditions(), ByteRange.NONE, r.partNumber(), false,
                    res -> front.respond(requestId, res.map(GetObjectResponse::info)));
        } else if (req instanceof S3Request.DeleteObject r) {
            delete(requestId, rec, r.key(), r.versionId(), res -> front.respond(requestId, res));
        } else if (req instanceof S3Request.DeleteObjects r) {
            if (r.keys().isEmpty() || r.keys().size() > Limits.MAX_DELETE_KEYS) {
                front.respond(requestId, S3Result.err(S3Error.MALFORMED_XML, "DeleteObjects takes 1 to "
                        + Limits.MAX_DELETE_KEYS + " keys; got " + r.keys().size()));
                return;
            }
            deleteEach(requestId, rec, r.keys(), 0, new ArrayList<>());
        } else if (req instanceof S3Request.CopyObject r) {
            copy(requestId, rec, r);
        } else if (req instanceof S3Request.ListObjectsV2 r) {
            indexCalls.scan(requestId, rec.name(), r.request().prefix(), false, keys -> front.respond(requestId,
                    Lister.list(keys, BucketStore::listEntry, r.request())));
        } else if (req instanceof S3Request.ListObjectVersions r) {
            indexCalls.scan(requestId, rec.name(), r.prefix(), false, keys -> front.respond(requestId,
                    VersionLister.list(keys, r.prefix(), r.maxKeys(), r.keyMarker(), r.versionIdMarker())));
        } else if (!cold.handle(requestId, rec, req)) {
            multipart.handle(requestId, rec, req);
        }
    }

    /**
     * Continues with the bucket's record as object requests see it now (FIDELITY A1.3: a creation,
     * deletion, versioning or lifecycle change reaches them only at its {@code effectiveAt}), or answers 404
     * NoSuchBucket.
     */
    void withBucket(long requestId, String name, Consumer<BucketRecord> k) {
        indexCalls.bucketForObjects(requestId, name, b -> {
            if (b.isPresent() && b.get().existsAt(indexCalls.now())) {
                k.accept(b.get().asSeenAt(indexCalls.now()));
            } else {
                front.respond(requestId, S3Result.err(Buckets.noSuchBucket(name)));
            }
        });
    }

    // ---- buckets ----

    private void createBucket(long requestId, String name) {
        Optional<S3Failure> bad = BucketNames.validate(name);
        if (bad.isPresent()) {
            front.respond(requestId, S3Result.err(bad.get()));
            return;
        }
        indexCalls.buckets(requestId, all -> {
            BucketRecord old = all.get(name);
            if (old != null && old.exists()) {
                front.respond(requestId, S3Result.err(S3Error.BUCKET_ALREADY_OWNED_BY_YOU, "you already own bucket " + name));
                return;
            }
            long count = all.values().stream().filter(BucketRecord::exists).count();
            if (count >= front.config().maxBuckets()) {
                front.respond(requestId, S3Result.err(S3Error.TOO_MANY_BUCKETS,
                        "an account holds at most " + front.config().maxBuckets() + " buckets"));
                return;
            }
            // FIDELITY A1.3 [M2]: object requests see the new bucket after the bucket-configuration delay.
            BucketRecord r = BucketRecord.change(Optional.ofNullable(old), name, true, VersioningState.UNVERSIONED,
                    indexCalls.bucketStamp(Optional.ofNullable(old)), indexCalls.now(), indexCalls.now() + indexCalls.bucketConfigDelay());
            indexCalls.writeBucket(requestId, r, () -> front.respond(requestId, S3Result.ok("/" + name)));
        });
    }

    private void deleteBucket(long requestId, String name) {
        indexCalls.bucket(requestId, name, b -> {
            if (b.isEmpty() || !b.get().exists()) {
                front.respond(requestId, S3Result.err(Buckets.noSuchBucket(name)));
                return;
            }
            indexCalls.scan(requestId, name, "", true, keys -> {
                boolean empty = keys.values().stream().allMatch(KeyState::hasNoLiveVersion);
                if (!empty) {
                    front.respond(requestId, S3Result.err(S3Error.BUCKET_NOT_EMPTY,
                            "The bucket you tried to delete is not empty: " + name));
                    return;
                }
                // FIDELITY A1.3: object requests and ListBuckets still see it until the delay passed.
                BucketRecord gone = BucketRecord.change(b, name, false, b.get().versioning(), indexCalls.bucketStamp(b),
                        indexCalls.now(), indexCalls.now() + indexCalls.bucketConfigDelay());
                indexCalls.writeBucket(requestId, gone, () -> front.respond(requestId, S3Result.ok(true)));
            });
        });
    }

    private void putVersioning(long requestId, S3Request.PutBucketVersioning r) {
        indexCalls.bucket(requestId, r.bucket(), b -> {
            if (b.isEmpty() || !b.get().exists()) {
                front.respond(requestId, S3Result.err(Buckets.noSuchBucket(r.bucket())));
                return;
            }
            S3Result<VersioningState> next = b.get().versioning().change(r.status());
            if (!(next instanceof S3Result.Ok<VersioningState> ok)) {
                front.respond(requestId, next);
                return;
            }
            // FIDELITY A1.3: the change reaches object requests after a seeded delay ([M2] 0 to 60 s).
            BucketRecord rec = BucketRecord.change(b, r.bucket(), true, ok.value(), indexCalls.bucketStamp(b), indexCalls.now(),
                    indexCalls.now() + indexCalls.bucketConfigDelay());
            indexCalls.writeBucket(requestId, rec, () -> front.respond(requestId, next));
        });
    }

    // ---- objects ----

    /**
     * PutObject and the last step of Copy and Complete: the bytes go to the storage hosts first
     * (unless they are there already, as a completed upload's parts are), then the metadata naming
     * them is committed to the index. A PUT that fails after its bytes were stored leaves an orphan
     * blob behind, which nothing names and nobody reads.
     */
    void put(long requestId, BucketRecord rec, String key, StoredObject object, WriteConditions cond,
             Consumer<S3Result<PutObjectResponse>> k) {
        if (object.isLocated()) {
            commitPut(requestId, rec, key, object, cond, k);
        } else {
            blobs.store(requestId, object.body(), ref -> commitPut(requestId, rec, key, object.located(List.of(ref)), cond, k));
        }
    }

    private void commitPut(long requestId, BucketRecord rec, String key, StoredObject object, WriteConditions cond,
                           Consumer<S3Result<PutObjectResponse>> k) {
        indexCalls.readForWrite(requestId, rec.name(), key, !cond.isEmpty(), state -> {
            Stamp s = cond.isEmpty() ? indexCalls.stamp(state) : indexCalls.conditionalStamp(state);
            // A conditional write's stamp may be older than now; its object is as new as the write.
            S3Result<ObjectOps.Planned<PutObjectResponse>> p = ObjectOps.put(key, state, rec.versioning(),
                    object.at(Math.max(indexCalls.now(), s.time())), cond, s, versionId(rec, s));
            if (!(p instanceof S3Result.Ok<ObjectOps.Planned<PutObjectResponse>> ok)) {
                k.accept(p.castErr());
                return;
            }
            Mutation m = ok.value().mutation();
            indexCalls.write(requestId, rec.name(), m, () -> {
                StoredObject o = ((Slot.Version) m.slot()).object();
                front.cold().stored(rec.name(), key, m.versionId(), o.storageClass(), o.size(), indexCalls.now());
                front.cold().wrote(o.storageClass());
                k.accept(S3Result.ok(ok.value().response()));
            });
        });
    }

    /**
     * GetObject (and HeadObject, which needs no bytes): the metadata from the index, then the bytes
     * from the storage hosts that hold the version's blobs.
     */
    private void get(long requestId, BucketRecord rec, String key, Optional<String> versionId, Conditions cond,
                     ByteRange range, OptionalInt partNumber, boolean withBytes,
                     Consumer<S3Result<GetObjectResponse>> k) {
        boolean legacy = front.config().mode() == ConsistencyMode.LEGACY;
        if (legacy && versionId.isEmpty() && indexCalls.negativelyCached(rec.name(), key)) {
            k.accept(S3Result.err(S3Error.NO_SUCH_KEY, "The specified key does not exist: " + key));
            return;
        }
        indexCalls.readForGet(requestId, rec.name(), key, state -> {
            if (legacy && state.slots().isEmpty() && versionId.isEmpty()) {
                indexCalls.rememberMissing(rec.name(), key);
            }
            // HEAD answers for an archived object too (A10.2: x-amz-restore is how a client watches a restore)
            S3Result<ObjectOps.Served> served = withBytes
                    ? ObjectOps.serve(key, state, rec.versioning(), versionId, cond, range, partNumber,
                            ByteRange.MultiRange.IGNORE, indexCalls.now())
                    : ObjectOps.serveHead(key, state, rec.versioning(), versionId, cond, partNumber, indexCalls.now());
            if (!(served instanceof S3Result.Ok<ObjectOps.Served> ok) || !withBytes || !ok.value().object().isLocated()) {
                k.accept(served.map(ObjectOps.Served::response));
                return;
            }
            GetObjectResponse meta = ok.value().response();
            blobs.fetch(requestId, ok.value().object(), ok.value().range(), body -> k.accept(S3Result.ok(
                    new GetObjectResponse(meta.status(), meta.info(), body, meta.contentRange()))));
        });
    }

    private void delete(long requestId, BucketRecord rec, String key, Optional<String> versionId,
                        Consumer<S3Result<DeleteObjectResponse>> k) {
        indexCalls.readForWrite(requestId, rec.name(), key, false, state -> {
            Stamp s = indexCalls.stamp(state);
            S3Result<ObjectOps.Planned<DeleteObjectResponse>> p = ObjectOps.delete(key, state, rec.versioning(),
                    versionId, s, versionId(rec, s), s.time());
            if (!(p instanceof S3Result.Ok<ObjectOps.Planned<DeleteObjectResponse>> ok)) {
                k.accept(p.castErr());
                return;
            }
            Mutation m = ok.value().mutation();
            indexCalls.write(requestId, rec.name(), m, () -> {
                if (m.slot() instanceof Slot.Erased || m.versionId().equals(KeyState.NULL_VERSION)) {
                    // removed for good, or the null version replaced by a null delete marker (A6.2)
                    front.cold().removed(rec.name(), key, m.versionId(), indexCalls.now());
                }
                k.accept(S3Result.ok(ok.value().response()));
            });
        });
    }

    /** A fresh version ID, needed only while versioning is enabled (an MD5 per write otherwise). */
    static String versionId(BucketRecord rec, Stamp s) {
        return rec.versioning() == VersioningState.ENABLED ? Ids.version(s) : KeyState.NULL_VERSION;
    }

    private void deleteEach(long requestId, BucketRecord rec, List<String> keys, int i,
                            List<S3Result<DeleteObjectResponse>> out) {
        if (i == keys.size()) {
            front.respond(requestId, S3Result.ok(List.copyOf(out)));
            return;
        }
        delete(requestId, rec, keys.get(i), Optional.empty(), r -> {
            out.add(r);
            deleteEach(requestId, rec, keys, i + 1, out);
        });
    }

    /** CopyObject: read the source like a GET, write it like a PUT (ETag = MD5, FIDELITY A3.3). */
    private void copy(long requestId, BucketRecord rec, S3Request.CopyObject r) {
        get(requestId, rec, r.sourceKey(), r.sourceVersionId(), Conditions.none(), ByteRange.NONE, OptionalInt.empty(), true,
                src -> {
            if (!(src instanceof S3Result.Ok<GetObjectResponse> ok)) {
                front.respond(requestId, src);
                return;
            }
            Body body = ok.value().body();
            if (body.size() > Limits.MAX_PUT_BYTES) {
                front.respond(requestId, S3Result.err(S3Error.INVALID_REQUEST, "The specified copy source is larger than "
                        + "the maximum allowable size for a copy source: " + Limits.MAX_PUT_BYTES));
                return;
            }
            S3Result<StorageClass> cls = ColdHandlers.storageClass(r.storageClass());
            if (!(cls instanceof S3Result.Ok<StorageClass> c)) {
                front.respond(requestId, cls);
                return;
            }
            put(requestId, rec, r.key(), StoredObject.single(body, indexCalls.now()).in(c.value()), WriteConditions.none(),
                    res -> front.respond(requestId, res));
        });
    }
}
