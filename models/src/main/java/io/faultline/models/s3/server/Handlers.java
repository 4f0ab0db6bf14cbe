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

/**
 * Carries out each API request on a front-end: the S3 rules come from the pure {@code store}
 * package (FIDELITY A2 to A7), the reads and writes from {@link IndexClient}. Every path ends in
 * exactly one {@link FrontEnd#respond}; invalid requests get S3's error, never an exception.
 */
public final class Handlers {
    private final FrontEnd fe;
    private final IndexClient ix;
    private final BlobClient blobs;
    private final MultipartHandlers multipart;
    private final ColdHandlers cold;

    Handlers(FrontEnd fe, IndexClient ix, BlobClient blobs) {
        this.fe = fe;
        this.ix = ix;
        this.blobs = blobs;
        this.multipart = new MultipartHandlers(fe, ix, blobs, this);
        this.cold = new ColdHandlers(fe, ix);
    }

    void handle(long rid, S3Request req) {
        if (req instanceof S3Request.CreateBucket r) {
            createBucket(rid, r.bucket());
        } else if (req instanceof S3Request.DeleteBucket r) {
            deleteBucket(rid, r.bucket());
        } else if (req instanceof S3Request.HeadBucket r) {
            ix.bucket(rid, r.bucket(), b -> fe.respond(rid, b.filter(x -> x.existsAt(ix.now())).isPresent()
                    ? S3Result.ok(true) : S3Result.err(Buckets.noSuchBucket(r.bucket()))));
        } else if (req instanceof S3Request.ListBuckets) {
            // FIDELITY A1.3: "after a bucket is deleted, an immediate ListBuckets may still show it".
            ix.buckets(rid, all -> fe.respond(rid, S3Result.ok(all.values().stream()
                    .filter(x -> x.existsAt(ix.now())).map(BucketRecord::name).toList())));
        } else if (req instanceof S3Request.PutBucketVersioning r) {
            putVersioning(rid, r);
        } else {
            withBucket(rid, req.bucket(), rec -> object(rid, rec, req));
        }
    }

    private void object(long rid, BucketRecord rec, S3Request req) {
        if (req instanceof S3Request.PutObject r) {
            Optional<S3Failure> tooBig = ObjectOps.checkPutSize(r.body());
            if (tooBig.isPresent()) {
                fe.respond(rid, S3Result.err(tooBig.get()));
                return;
            }
            S3Result<StorageClass> cls = ColdHandlers.storageClass(r.storageClass());
            if (!(cls instanceof S3Result.Ok<StorageClass> c)) {
                fe.respond(rid, cls);
                return;
            }
            put(rid, rec, r.key(), StoredObject.single(r.body(), ix.now()).in(c.value()), r.conditions(),
                    res -> fe.respond(rid, res));
        } else if (req instanceof S3Request.GetObject r) {
            get(rid, rec, r.key(), r.versionId(), r.conditions(), r.range(), r.partNumber(), true,
                    res -> fe.respond(rid, res));
        } else if (req instanceof S3Request.HeadObject r) {
            get(rid, rec, r.key(), r.versionId(), r.conditions(), ByteRange.NONE, r.partNumber(), false,
                    res -> fe.respond(rid, res.map(GetObjectResponse::info)));
        } else if (req instanceof S3Request.DeleteObject r) {
            delete(rid, rec, r.key(), r.versionId(), res -> fe.respond(rid, res));
        } else if (req instanceof S3Request.DeleteObjects r) {
            if (r.keys().isEmpty() || r.keys().size() > Limits.MAX_DELETE_KEYS) {
                fe.respond(rid, S3Result.err(S3Error.MALFORMED_XML, "DeleteObjects takes 1 to "
                        + Limits.MAX_DELETE_KEYS + " keys; got " + r.keys().size()));
                return;
            }
            deleteEach(rid, rec, r.keys(), 0, new ArrayList<>());
        } else if (req instanceof S3Request.CopyObject r) {
            copy(rid, rec, r);
        } else if (req instanceof S3Request.ListObjectsV2 r) {
            ix.scan(rid, rec.name(), r.request().prefix(), false, keys -> fe.respond(rid,
                    Lister.list(keys, BucketStore::listEntry, r.request())));
        } else if (req instanceof S3Request.ListObjectVersions r) {
            ix.scan(rid, rec.name(), r.prefix(), false, keys -> fe.respond(rid,
                    VersionLister.list(keys, r.prefix(), r.maxKeys(), r.keyMarker(), r.versionIdMarker())));
        } else if (!cold.handle(rid, rec, req)) {
            multipart.handle(rid, rec, req);
        }
    }

    /**
     * Continues with the bucket's record as object requests see it now (FIDELITY A1.3: a creation,
     * deletion, versioning or lifecycle change reaches them only at its {@code effectiveAt}), or answers 404
     * NoSuchBucket.
     */
    void withBucket(long rid, String name, Consumer<BucketRecord> k) {
        ix.bucketForObjects(rid, name, b -> {
            if (b.isPresent() && b.get().existsAt(ix.now())) {
                k.accept(b.get().asSeenAt(ix.now()));
            } else {
                fe.respond(rid, S3Result.err(Buckets.noSuchBucket(name)));
            }
        });
    }

    // ---- buckets ----

    private void createBucket(long rid, String name) {
        Optional<S3Failure> bad = BucketNames.validate(name);
        if (bad.isPresent()) {
            fe.respond(rid, S3Result.err(bad.get()));
            return;
        }
        ix.buckets(rid, all -> {
            BucketRecord old = all.get(name);
            if (old != null && old.exists()) {
                fe.respond(rid, S3Result.err(S3Error.BUCKET_ALREADY_OWNED_BY_YOU, "you already own bucket " + name));
                return;
            }
            long count = all.values().stream().filter(BucketRecord::exists).count();
            if (count >= fe.config.maxBuckets()) {
                fe.respond(rid, S3Result.err(S3Error.TOO_MANY_BUCKETS,
                        "an account holds at most " + fe.config.maxBuckets() + " buckets"));
                return;
            }
            // FIDELITY A1.3 [M]: object requests see the new bucket after the bucket-configuration delay.
            BucketRecord r = BucketRecord.change(Optional.ofNullable(old), name, true, VersioningState.UNVERSIONED,
                    ix.bucketStamp(Optional.ofNullable(old)), ix.now(), ix.now() + ix.bucketConfigDelay());
            ix.writeBucket(rid, r, () -> fe.respond(rid, S3Result.ok("/" + name)));
        });
    }

    private void deleteBucket(long rid, String name) {
        ix.bucket(rid, name, b -> {
            if (b.isEmpty() || !b.get().exists()) {
                fe.respond(rid, S3Result.err(Buckets.noSuchBucket(name)));
                return;
            }
            ix.scan(rid, name, "", true, keys -> {
                boolean empty = keys.values().stream().allMatch(KeyState::hasNoLiveVersion);
                if (!empty) {
                    fe.respond(rid, S3Result.err(S3Error.BUCKET_NOT_EMPTY,
                            "The bucket you tried to delete is not empty: " + name));
                    return;
                }
                // FIDELITY A1.3: object requests and ListBuckets still see it until the delay passed.
                BucketRecord gone = BucketRecord.change(b, name, false, b.get().versioning(), ix.bucketStamp(b),
                        ix.now(), ix.now() + ix.bucketConfigDelay());
                ix.writeBucket(rid, gone, () -> fe.respond(rid, S3Result.ok(true)));
            });
        });
    }

    private void putVersioning(long rid, S3Request.PutBucketVersioning r) {
        ix.bucket(rid, r.bucket(), b -> {
            if (b.isEmpty() || !b.get().exists()) {
                fe.respond(rid, S3Result.err(Buckets.noSuchBucket(r.bucket())));
                return;
            }
            S3Result<VersioningState> next = b.get().versioning().change(r.status());
            if (!(next instanceof S3Result.Ok<VersioningState> ok)) {
                fe.respond(rid, next);
                return;
            }
            // FIDELITY A1.3: the change reaches object requests after a seeded delay ([M] 0 to 60 s).
            BucketRecord rec = BucketRecord.change(b, r.bucket(), true, ok.value(), ix.bucketStamp(b), ix.now(),
                    ix.now() + ix.bucketConfigDelay());
            ix.writeBucket(rid, rec, () -> fe.respond(rid, next));
        });
    }

    // ---- objects ----

    /**
     * PutObject and the last step of Copy and Complete: the bytes go to the storage hosts first
     * (unless they are there already, as a completed upload's parts are), then the metadata naming
     * them is committed to the index. A PUT that fails after its bytes were stored leaves an orphan
     * blob behind, which nothing names and nobody reads.
     */
    void put(long rid, BucketRecord rec, String key, StoredObject object, WriteConditions cond,
             Consumer<S3Result<PutObjectResponse>> k) {
        if (object.isLocated()) {
            commitPut(rid, rec, key, object, cond, k);
        } else {
            blobs.store(rid, object.body(), ref -> commitPut(rid, rec, key, object.located(List.of(ref)), cond, k));
        }
    }

    private void commitPut(long rid, BucketRecord rec, String key, StoredObject object, WriteConditions cond,
                           Consumer<S3Result<PutObjectResponse>> k) {
        ix.readForWrite(rid, rec.name(), key, !cond.isEmpty(), state -> {
            Stamp s = ix.stamp(state);
            S3Result<ObjectOps.Planned<PutObjectResponse>> p =
                    ObjectOps.put(key, state, rec.versioning(), object.at(s.time()), cond, s, versionId(rec, s));
            if (!(p instanceof S3Result.Ok<ObjectOps.Planned<PutObjectResponse>> ok)) {
                k.accept(p.castErr());
                return;
            }
            Mutation m = ok.value().mutation();
            ix.write(rid, rec.name(), m, () -> {
                StoredObject o = ((Slot.Version) m.slot()).object();
                fe.cold.stored(rec.name(), key, m.versionId(), o.storageClass(), o.size(), ix.now());
                fe.cold.wrote(o.storageClass());
                k.accept(S3Result.ok(ok.value().response()));
            });
        });
    }

    /**
     * GetObject (and HeadObject, which needs no bytes): the metadata from the index, then the bytes
     * from the storage hosts that hold the version's blobs.
     */
    private void get(long rid, BucketRecord rec, String key, Optional<String> versionId, Conditions cond,
                     ByteRange range, OptionalInt partNumber, boolean withBytes,
                     Consumer<S3Result<GetObjectResponse>> k) {
        boolean legacy = fe.config.mode() == ConsistencyMode.LEGACY;
        if (legacy && versionId.isEmpty() && ix.negativelyCached(rec.name(), key)) {
            k.accept(S3Result.err(S3Error.NO_SUCH_KEY, "The specified key does not exist: " + key));
            return;
        }
        ix.readForGet(rid, rec.name(), key, state -> {
            if (legacy && state.slots().isEmpty() && versionId.isEmpty()) {
                ix.rememberMissing(rec.name(), key);
            }
            // HEAD answers for an archived object too (A10.2: x-amz-restore is how a client watches a restore)
            S3Result<ObjectOps.Served> served = withBytes
                    ? ObjectOps.serve(key, state, rec.versioning(), versionId, cond, range, partNumber,
                            ByteRange.MultiRange.IGNORE, ix.now())
                    : ObjectOps.serveHead(key, state, rec.versioning(), versionId, cond, partNumber, ix.now());
            if (!(served instanceof S3Result.Ok<ObjectOps.Served> ok) || !withBytes || !ok.value().object().isLocated()) {
                k.accept(served.map(ObjectOps.Served::response));
                return;
            }
            GetObjectResponse meta = ok.value().response();
            blobs.fetch(rid, ok.value().object(), ok.value().range(), body -> k.accept(S3Result.ok(
                    new GetObjectResponse(meta.status(), meta.info(), body, meta.contentRange()))));
        });
    }

    private void delete(long rid, BucketRecord rec, String key, Optional<String> versionId,
                        Consumer<S3Result<DeleteObjectResponse>> k) {
        ix.readForWrite(rid, rec.name(), key, false, state -> {
            Stamp s = ix.stamp(state);
            S3Result<ObjectOps.Planned<DeleteObjectResponse>> p = ObjectOps.delete(key, state, rec.versioning(),
                    versionId, s, versionId(rec, s), s.time());
            if (!(p instanceof S3Result.Ok<ObjectOps.Planned<DeleteObjectResponse>> ok)) {
                k.accept(p.castErr());
                return;
            }
            Mutation m = ok.value().mutation();
            ix.write(rid, rec.name(), m, () -> {
                if (m.slot() instanceof Slot.Erased || m.versionId().equals(KeyState.NULL_VERSION)) {
                    // removed for good, or the null version replaced by a null delete marker (A6.2)
                    fe.cold.removed(rec.name(), key, m.versionId(), ix.now());
                }
                k.accept(S3Result.ok(ok.value().response()));
            });
        });
    }

    /** A fresh version ID, needed only while versioning is enabled (an MD5 per write otherwise). */
    static String versionId(BucketRecord rec, Stamp s) {
        return rec.versioning() == VersioningState.ENABLED ? Ids.version(s) : KeyState.NULL_VERSION;
    }

    private void deleteEach(long rid, BucketRecord rec, List<String> keys, int i,
                            List<S3Result<DeleteObjectResponse>> out) {
        if (i == keys.size()) {
            fe.respond(rid, S3Result.ok(List.copyOf(out)));
            return;
        }
        delete(rid, rec, keys.get(i), Optional.empty(), r -> {
            out.add(r);
            deleteEach(rid, rec, keys, i + 1, out);
        });
    }

    /** CopyObject: read the source like a GET, write it like a PUT (ETag = MD5, FIDELITY A3.3). */
    private void copy(long rid, BucketRecord rec, S3Request.CopyObject r) {
        get(rid, rec, r.sourceKey(), r.sourceVersionId(), Conditions.none(), ByteRange.NONE, OptionalInt.empty(), true,
                src -> {
            if (!(src instanceof S3Result.Ok<GetObjectResponse> ok)) {
                fe.respond(rid, src);
                return;
            }
            Body body = ok.value().body();
            if (body.size() > Limits.MAX_PUT_BYTES) {
                fe.respond(rid, S3Result.err(S3Error.INVALID_REQUEST, "The specified copy source is larger than "
                        + "the maximum allowable size for a copy source: " + Limits.MAX_PUT_BYTES));
                return;
            }
            S3Result<StorageClass> cls = ColdHandlers.storageClass(r.storageClass());
            if (!(cls instanceof S3Result.Ok<StorageClass> c)) {
                fe.respond(rid, cls);
                return;
            }
            put(rid, rec, r.key(), StoredObject.single(body, ix.now()).in(c.value()), WriteConditions.none(),
                    res -> fe.respond(rid, res));
        });
    }
}
