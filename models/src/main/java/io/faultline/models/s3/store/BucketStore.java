package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.response.DeleteObjectResponse;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.Keys;
import io.faultline.models.s3.api.response.ListEntry;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.api.response.ListPartsResponse;
import io.faultline.models.s3.api.response.ListUploadsResponse;
import io.faultline.models.s3.api.Lister;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.UploadInfo;
import io.faultline.models.s3.api.WriteConditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * One bucket on one node, applying every rule at once: the sequential specification of S3's
 * object semantics (what a strongly consistent S3 must look like from outside) and the reference
 * the tests compare the simulated service to. Not thread-safe; deterministic.
 *
 * <pre>{@code
 * BucketStore b = new BucketStore(() -> now);
 * b.putObject("a.txt", Body.of("hello"), WriteConditions.none());
 * b.getObject("a.txt", Optional.empty(), Conditions.none(), ByteRange.parse("bytes=0-1"));  // 206 "he"
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BucketStore {
    private final LongSupplier clock;
    private final TreeMap<String, KeyState> keys = new TreeMap<>(Keys.ORDER);
    private final TreeMap<String, Upload> uploads = new TreeMap<>();
    private VersioningState versioning = VersioningState.UNVERSIONED;
    private long seq;

    /** @param clock virtual time in nanoseconds (stamps and Last-Modified) */
    public BucketStore(LongSupplier clock) {
        this.clock = clock;
    }

    public VersioningState versioning() {
        return versioning;
    }

    /** PutBucketVersioning (FIDELITY A6.1). */
    public S3Result<VersioningState> putBucketVersioning(String status) {
        S3Result<VersioningState> r = versioning.change(status);
        if (r instanceof S3Result.Ok<VersioningState> ok) {
            versioning = ok.value();
        }
        return r;
    }

    public KeyState state(String key) {
        return keys.getOrDefault(key, KeyState.EMPTY);
    }

    private Stamp stamp() {
        return new Stamp(clock.getAsLong(), 0, seq++);
    }

    private void apply(Mutation m) {
        keys.put(m.key(), state(m.key()).apply(m));
    }

    public S3Result<PutObjectResponse> putObject(String key, Body body, WriteConditions cond) {
        Optional<S3Failure> tooBig = ObjectOps.checkPutSize(body);
        if (tooBig.isPresent()) {
            return S3Result.err(tooBig.get());
        }
        return write(key, StoredObject.single(body, clock.getAsLong()), cond);
    }

    private S3Result<PutObjectResponse> write(String key, StoredObject o, WriteConditions cond) {
        Stamp s = stamp();
        S3Result<ObjectOps.Planned<PutObjectResponse>> p =
                ObjectOps.put(key, state(key), versioning, o, cond, s, Ids.version(s));
        return p.map(planned -> {
            apply(planned.mutation());
            return planned.response();
        });
    }

    public S3Result<GetObjectResponse> getObject(String key, Optional<String> versionId, Conditions cond,
                                                 ByteRange range) {
        return ObjectOps.get(key, state(key), versioning, versionId, cond, range, ByteRange.MultiRange.IGNORE,
                clock.getAsLong());
    }

    public S3Result<ObjectInfo> headObject(String key, Optional<String> versionId, Conditions cond) {
        return ObjectOps.head(key, state(key), versioning, versionId, cond, clock.getAsLong());
    }

    public S3Result<DeleteObjectResponse> deleteObject(String key, Optional<String> versionId) {
        Stamp s = stamp();
        return ObjectOps.delete(key, state(key), versioning, versionId, s, Ids.version(s),
                clock.getAsLong()).map(planned -> {
                    apply(planned.mutation());
                    return planned.response();
                });
    }

    /** DeleteObjects: up to 1,000 keys, one result per key (errors do not stop the others). */
    public S3Result<List<S3Result<DeleteObjectResponse>>> deleteObjects(List<String> toDelete) {
        if (toDelete.isEmpty() || toDelete.size() > Limits.MAX_DELETE_KEYS) {
            return S3Result.err(S3Error.MALFORMED_XML, "DeleteObjects takes 1 to " + Limits.MAX_DELETE_KEYS
                    + " keys; got " + toDelete.size());
        }
        List<S3Result<DeleteObjectResponse>> out = new ArrayList<>();
        for (String k : toDelete) {
            out.add(deleteObject(k, Optional.empty()));
        }
        return S3Result.ok(out);
    }

    /**
     * CopyObject: the source's current (or given) version becomes a new object at the destination,
     * with the hex MD5 of its bytes as ETag (FIDELITY A3.3: "PUT, POST or Copy"); at most 5 GB (A2).
     */
    public S3Result<PutObjectResponse> copyObject(String srcKey, Optional<String> srcVersion, String dstKey) {
        S3Result<GetObjectResponse> src = getObject(srcKey, srcVersion, Conditions.none(), ByteRange.NONE);
        if (!(src instanceof S3Result.Ok<GetObjectResponse> ok)) {
            return src.castErr();
        }
        Body body = ok.value().body();
        if (body.size() > Limits.MAX_PUT_BYTES) {
            return S3Result.err(S3Error.INVALID_REQUEST, "The specified copy source is larger than the maximum "
                    + "allowable size for a copy source: " + Limits.MAX_PUT_BYTES);
        }
        return write(dstKey, StoredObject.single(body, clock.getAsLong()), WriteConditions.none());
    }

    public S3Result<ListObjectsV2Response> listObjectsV2(ListObjectsV2Request req) {
        return Lister.list(keys, BucketStore::listEntry, req);
    }

    /** The list entry of a key's current object, if its current version is one (A5 "Versions"). */
    public static Optional<ListEntry> listEntry(String key, KeyState s) {
        return s.listEntry(key);
    }

    /** ListObjectVersions: every version and delete marker under {@code prefix} (A5, A6.2). */
    public List<io.faultline.models.s3.api.response.VersionEntry> listObjectVersions(String prefix) {
        return ObjectOps.listVersions(keys, prefix);
    }

    // ---- multipart (FIDELITY A3) ----

    public S3Result<String> createMultipartUpload(String key) {
        Optional<S3Failure> bad = Keys.validate(key);
        if (bad.isPresent()) {
            return S3Result.err(bad.get());
        }
        String id = Ids.upload(stamp());
        uploads.put(id, Upload.open(id, key, clock.getAsLong()));
        return S3Result.ok(id);
    }

    /** UploadPart: returns the part's ETag; the same part number again replaces it (A3.2). */
    public S3Result<String> uploadPart(String uploadId, int partNumber, Body body) {
        Optional<Upload> u = Optional.ofNullable(uploads.get(uploadId));
        Optional<S3Failure> bad = MultipartOps.checkPart(u, uploadId, partNumber, body);
        if (bad.isPresent()) {
            return S3Result.err(bad.get());
        }
        uploads.put(uploadId, u.get().withPart(new Part(partNumber, body, stamp(), clock.getAsLong())));
        return S3Result.ok(body.etag());
    }

    public S3Result<PutObjectResponse> completeMultipartUpload(String uploadId, List<CompletedPart> parts,
                                                               WriteConditions cond) {
        Optional<Upload> u = Optional.ofNullable(uploads.get(uploadId));
        S3Result<StoredObject> o = MultipartOps.complete(u, uploadId, parts, clock.getAsLong());
        if (!(o instanceof S3Result.Ok<StoredObject> ok)) {
            return o.castErr();
        }
        S3Result<PutObjectResponse> r = write(u.get().key(), ok.value(), cond);
        if (r.isOk()) {
            uploads.put(uploadId, u.get().finish(Upload.Status.COMPLETED));
        }
        return r;
    }

    /** AbortMultipartUpload: 204, or 404 NoSuchUpload if unknown, aborted or completed (A3.2). */
    public S3Result<Boolean> abortMultipartUpload(String uploadId) {
        Upload u = uploads.get(uploadId);
        if (u == null || !u.isOpen()) {
            return S3Result.err(MultipartOps.noSuchUpload(uploadId));
        }
        uploads.put(uploadId, u.finish(Upload.Status.ABORTED));
        return S3Result.ok(true);
    }

    public S3Result<ListPartsResponse> listParts(String uploadId, int marker, int maxParts) {
        return MultipartOps.listParts(Optional.ofNullable(uploads.get(uploadId)), uploadId, marker, maxParts);
    }

    public ListUploadsResponse listMultipartUploads() {
        return listUploads(uploads.values(), Limits.MAX_LIST_PAGE);
    }

    /** The open uploads, by key in UTF-8 order then initiation time, at most {@code max}. */
    public static ListUploadsResponse listUploads(Iterable<Upload> all, int max) {
        List<UploadInfo> open = new ArrayList<>();
        for (Upload u : all) {
            if (u.isOpen()) {
                open.add(new UploadInfo(u.key(), u.uploadId(), u.initiated()));
            }
        }
        open.sort(Comparator.comparing(UploadInfo::key, Keys.ORDER).thenComparingLong(UploadInfo::initiated)
                .thenComparing(UploadInfo::uploadId));
        int cap = Math.min(max, Limits.MAX_LIST_PAGE);
        boolean truncated = open.size() > cap;
        return new ListUploadsResponse(truncated ? open.subList(0, cap) : open, truncated);
    }

    /** Every key with any live version (objects or delete markers), for bucket deletion. */
    public boolean isEmpty() {
        return keys.values().stream().allMatch(KeyState::hasNoLiveVersion);
    }

    public NavigableMap<String, KeyState> keys() {
        return java.util.Collections.unmodifiableNavigableMap(keys);
    }
}
