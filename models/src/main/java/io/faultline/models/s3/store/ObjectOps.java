package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.response.DeleteObjectResponse;
import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.Keys;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.response.RestoreObjectResponse;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.RestoreAnswer;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.Restores;
import io.faultline.sim.Rng;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * The rules of single-object operations, as pure functions of a key's state (FIDELITY A6.2, A7,
 * A4). Writes are planned, not applied: each returns the one {@link Mutation} to apply and the
 * answer to give, so the same rules serve a single-node store and the replicated index.
 *
 * <p>An unconditional PUT or DELETE does not depend on the key's state (only on the bucket's
 * versioning state), which is what lets the legacy mode write without reading first.
 *
 * <pre>{@code
 * S3Result<ObjectOps.Planned<PutObjectResponse>> p = ObjectOps.put(
 *         "k", KeyState.EMPTY, VersioningState.ENABLED, StoredObject.single(Body.of("x"), now),
 *         WriteConditions.none(), stamp, "v1");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ObjectOps {
    private ObjectOps() {
    }

    /** A write to apply and the answer to give once it is applied. */
    public record Planned<R>(Mutation mutation, R response) {
    }

    /**
     * PutObject (also the final step of CopyObject and CompleteMultipartUpload), FIDELITY A6.2
     * first row: unversioned overwrites the null version, enabled adds {@code freshVersionId},
     * suspended overwrites the null version and keeps the others. Conditions: FIDELITY A7.2.
     */
    public static S3Result<Planned<PutObjectResponse>> put(String key, KeyState state, VersioningState v,
                                                          StoredObject object, WriteConditions cond,
                                                          Stamp stamp, String freshVersionId) {
        Optional<S3Failure> bad = Keys.validate(key);
        if (bad.isPresent()) {
            return S3Result.err(bad.get());
        }
        Optional<S3Failure> failed = checkWrite(key, state, cond);
        if (failed.isPresent()) {
            return S3Result.err(failed.get());
        }
        String vid = v == VersioningState.ENABLED ? freshVersionId : KeyState.NULL_VERSION;
        Optional<String> header = v == VersioningState.UNVERSIONED ? Optional.empty() : Optional.of(vid);
        Mutation m = new Mutation(key, vid, new Slot.Version(stamp, object));
        return S3Result.ok(new Planned<>(m, new PutObjectResponse(object.etag(), header)));
    }

    /** The PutObject size limit (FIDELITY A2: a single PUT is at most 5 GB). */
    public static Optional<S3Failure> checkPutSize(Body body) {
        if (body.size() > Limits.MAX_PUT_BYTES) {
            return Optional.of(S3Failure.of(S3Error.ENTITY_TOO_LARGE,
                    "a single PUT is at most " + Limits.MAX_PUT_BYTES + " bytes; got " + body.size()));
        }
        return Optional.empty();
    }

    /**
     * Conditional writes (FIDELITY A7.2): {@code If-None-Match: *} fails with 412 if the key has a
     * current object; {@code If-Match} fails with 412 unless the current object's ETag matches
     * (a missing object, or a delete marker, does not match).
     */
    public static Optional<S3Failure> checkWrite(String key, KeyState state, WriteConditions cond) {
        Optional<StoredObject> cur = state.currentObject();
        if (cond.ifNoneMatchStar() && cur.isPresent()) {
            return Optional.of(S3Failure.of(S3Error.PRECONDITION_FAILED,
                    "If-None-Match: * but " + key + " exists"));
        }
        if (cond.ifMatch().isPresent()
                && (cur.isEmpty() || !ETags.same(cond.ifMatch().get(), cur.get().etag()))) {
            return Optional.of(S3Failure.of(S3Error.PRECONDITION_FAILED,
                    "If-Match " + cond.ifMatch().get() + " does not match the current ETag of " + key));
        }
        return Optional.empty();
    }

    /**
     * DeleteObject, FIDELITY A6.2. Without a version ID: unversioned removes the object; enabled
     * adds a delete marker {@code freshVersionId}; suspended replaces the null version by a delete
     * marker with version ID null. With a version ID: that version is removed permanently (a
     * missing version is a no-op, 204).
     */
    public static S3Result<Planned<DeleteObjectResponse>> delete(String key, KeyState state, VersioningState v,
                                                                Optional<String> versionId, Stamp stamp,
                                                                String freshVersionId, long now) {
        Optional<S3Failure> bad = Keys.validate(key);
        if (bad.isPresent()) {
            return S3Result.err(bad.get());
        }
        if (versionId.isPresent()) {
            String id = versionId.get();
            if (v == VersioningState.UNVERSIONED && !id.equals(KeyState.NULL_VERSION)) {
                return S3Result.err(S3Error.INVALID_ARGUMENT, "Invalid version id specified: " + id);
            }
            boolean wasMarker = state.version(id).map(s -> s instanceof Slot.DeleteMarker).orElse(false);
            Mutation m = new Mutation(key, id, new Slot.Erased(stamp));
            return S3Result.ok(new Planned<>(m, new DeleteObjectResponse(wasMarker, Optional.of(id))));
        }
        if (v == VersioningState.UNVERSIONED) {
            Mutation m = new Mutation(key, KeyState.NULL_VERSION, new Slot.Erased(stamp));
            return S3Result.ok(new Planned<>(m, new DeleteObjectResponse(false, Optional.empty())));
        }
        String vid = v == VersioningState.ENABLED ? freshVersionId : KeyState.NULL_VERSION;
        Mutation m = new Mutation(key, vid, new Slot.DeleteMarker(stamp, now));
        return S3Result.ok(new Planned<>(m, new DeleteObjectResponse(true, Optional.of(vid))));
    }

    /**
     * GetObject, FIDELITY A6.2 (which version; 404 with the delete-marker header when the current
     * version is a marker; 405 when the version asked for is a marker), A10.2 (403
     * InvalidObjectState for a GLACIER or DEEP_ARCHIVE version without a readable restored copy at
     * {@code now}), A7.1 (conditions, checked before the range) and A4 (one range: 206 or 416).
     */
    public static S3Result<GetObjectResponse> get(String key, KeyState state, VersioningState v,
                                                  Optional<String> versionId, Conditions cond,
                                                  ByteRange range, ByteRange.MultiRange multi, long now) {
        return serve(key, state, v, versionId, cond, range, OptionalInt.empty(), multi, now).map(Served::response);
    }

    /**
     * A GET resolved against the index: the answer, the version it serves and the bytes it needs.
     * When the object's bytes are on storage hosts ({@link StoredObject#isLocated}), the answer's
     * body is a stand-in and the caller fetches {@code range} of the object's chunks instead.
     *
     * @param response the answer, body included when the object holds its bytes
     * @param object   the version served
     * @param range    the bytes of the object the answer carries
     */
    public record Served(GetObjectResponse response, StoredObject object, ByteRange.Resolved range) {
    }

    /**
     * GetObject as {@link #get}, with {@code partNumber} (FIDELITY A4): part n of a multipart object
     * is served like a range covering that part, 206 with {@code Content-Range} (its part count is in
     * {@link ObjectInfo#partsCount}); an object uploaded in one piece has one part. A part number
     * beyond the object's parts is 416 InvalidPartNumber; a range and a part number together are 400.
     */
    public static S3Result<Served> serve(String key, KeyState state, VersioningState v,
                                         Optional<String> versionId, Conditions cond, ByteRange range,
                                         OptionalInt partNumber, ByteRange.MultiRange multi, long now) {
        return serve(key, state, v, versionId, cond, range, partNumber, multi, true, now);
    }

    /**
     * HeadObject as {@link #serve} (with {@code partNumber}), except that an archived version
     * answers too: HEAD needs no readable copy (A10.2), it shows {@code x-amz-restore}.
     */
    public static S3Result<Served> serveHead(String key, KeyState state, VersioningState v,
                                             Optional<String> versionId, Conditions cond, OptionalInt partNumber,
                                             long now) {
        return serve(key, state, v, versionId, cond, ByteRange.NONE, partNumber, ByteRange.MultiRange.IGNORE, false,
                now);
    }

    private static S3Result<Served> serve(String key, KeyState state, VersioningState v,
                                          Optional<String> versionId, Conditions cond, ByteRange range,
                                          OptionalInt partNumber, ByteRange.MultiRange multi, boolean needsCopy,
                                          long now) {
        if (partNumber.isPresent() && !(range instanceof ByteRange.None)) {
            return S3Result.err(S3Error.INVALID_REQUEST,
                    "Cannot specify both Range header and partNumber query parameter");
        }
        if (partNumber.isPresent() && (partNumber.getAsInt() < 1 || partNumber.getAsInt() > Limits.MAX_PART_NUMBER)) {
            return S3Result.err(S3Error.INVALID_ARGUMENT,
                    "Part number must be an integer between 1 and 10000, inclusive; got " + partNumber.getAsInt());
        }
        S3Result<Resolved> r = resolve(key, state, v, versionId, now);
        if (!(r instanceof S3Result.Ok<Resolved> ok)) {
            return r.castErr();
        }
        Resolved res = ok.value();
        StoredObject o = res.object();
        if (needsCopy && !Restores.canGet(o.storageClass(), o.restore(), now)) {
            return S3Result.err(S3Error.INVALID_OBJECT_STATE, "The operation is not valid for the object's storage class: "
                    + key + " is " + o.storageClass() + " and has no restored copy");
        }
        Optional<S3Error> c = cond.evaluate(o.etag(), o.lastModified());
        if (c.isPresent()) {
            return S3Result.err(c.get(), "condition failed on " + key + " (ETag " + o.etag() + ")");
        }
        ByteRange.Resolved rr;
        if (partNumber.isPresent()) {
            S3Result<ByteRange.Partial> part = partRange(o, partNumber.getAsInt());
            if (!(part instanceof S3Result.Ok<ByteRange.Partial> pok)) {
                return part.castErr();
            }
            rr = pok.value();
        } else {
            rr = range.resolve(o.size(), multi);
        }
        if (rr instanceof ByteRange.Unsatisfiable) {
            return S3Result.err(S3Error.INVALID_RANGE,
                    "The requested range is not satisfiable (object size " + o.size() + ")");
        }
        if (rr instanceof ByteRange.Partial p) {
            Body b = p.length() == 0 ? Body.empty() : o.body().slice(p.first(), p.last());
            return S3Result.ok(new Served(new GetObjectResponse(206, res.info(), b, Optional.of(p.contentRange())),
                    o, rr));
        }
        return S3Result.ok(new Served(new GetObjectResponse(200, res.info(), o.body(), Optional.empty()), o, rr));
    }

    /** The bytes of part {@code n} (1-based): one part for an object not uploaded in parts. */
    private static S3Result<ByteRange.Partial> partRange(StoredObject o, int n) {
        List<Long> sizes = o.partSizes().isEmpty() ? List.of(o.size()) : o.partSizes();
        if (n > sizes.size()) {
            return S3Result.err(S3Error.INVALID_PART_NUMBER, "The requested partnumber is not satisfiable: "
                    + n + " of an object with " + sizes.size() + " part" + (sizes.size() == 1 ? "" : "s"));
        }
        long first = 0;
        for (int i = 0; i < n - 1; i++) {
            first += sizes.get(i);
        }
        return S3Result.ok(new ByteRange.Partial(first, first + sizes.get(n - 1) - 1, o.size()));
    }

    /**
     * HeadObject: GET's rules without a body or a range (FIDELITY A6.2, A7.1). An archived object
     * answers HEAD (A10.2: the {@code x-amz-restore} header is how a client watches a restore).
     */
    public static S3Result<ObjectInfo> head(String key, KeyState state, VersioningState v,
                                            Optional<String> versionId, Conditions cond, long now) {
        return serveHead(key, state, v, versionId, cond, OptionalInt.empty(), now)
                .map(served -> served.response().info());
    }

    /**
     * RestoreObject (FIDELITY A10.1, A10.2) on the version GET would read: the rules of
     * {@link Restores#request}, planned as an in-place revision of that version (stamp unchanged,
     * {@code revised} = {@code stamp}), so the restore state goes through the index like any write.
     * A delete marker or a missing key answers like GET; an accepted request at the same state
     * (nothing to change) still writes, which is harmless.
     *
     * @param expeditedCapacity false when the Expedited pool is spent (503 for Expedited only)
     */
    public static S3Result<Planned<RestoreObjectResponse>> restore(String key, KeyState state, VersioningState v,
                                                                  Optional<String> versionId, int days,
                                                                  RestoreTier tier, boolean expeditedCapacity,
                                                                  Rng rng, Stamp stamp, long now) {
        S3Result<Resolved> r = resolve(key, state, v, versionId, now);
        if (!(r instanceof S3Result.Ok<Resolved> ok)) {
            return r.castErr();
        }
        Resolved res = ok.value();
        RestoreAnswer a = Restores.request(res.object().storageClass(), res.object().restore(), now, days, tier,
                expeditedCapacity, rng);
        if (a.code().isPresent()) {
            return S3Result.err(restoreError(a), restoreMessage(a, key, res.object()));
        }
        Mutation m = new Mutation(key, res.versionId(), res.slot().revise(res.object().withRestore(a.state()), stamp));
        return S3Result.ok(new Planned<>(m, new RestoreObjectResponse(a.status())));
    }

    private static S3Error restoreError(RestoreAnswer a) {
        String code = a.code().orElseThrow();
        for (S3Error e : S3Error.values()) {
            if (e.code().equals(code) && e.status() == a.status()) {
                return e;
            }
        }
        return S3Error.INVALID_ARGUMENT;
    }

    private static String restoreMessage(RestoreAnswer a, String key, StoredObject o) {
        if (a.status() == 409) {
            return "Object restore is already in progress: " + key;
        }
        if (a.status() == 403) {
            return "Restore is not allowed for the object's current storage class: " + key + " is " + o.storageClass();
        }
        if (a.status() == 503) {
            return "Glacier expedited retrievals are currently not available, please try again later";
        }
        return "invalid RestoreObject request for " + key + " (" + o.storageClass() + ")";
    }

    private record Resolved(String versionId, Slot.Version slot, StoredObject object, ObjectInfo info) {
    }

    private static S3Result<Resolved> resolve(String key, KeyState state, VersioningState v,
                                              Optional<String> versionId, long now) {
        Optional<S3Failure> bad = Keys.validate(key);
        if (bad.isPresent()) {
            return S3Result.err(bad.get());
        }
        String vid;
        Slot slot;
        if (versionId.isPresent()) {
            vid = versionId.get();
            if (v == VersioningState.UNVERSIONED && !vid.equals(KeyState.NULL_VERSION)) {
                return S3Result.err(S3Error.INVALID_ARGUMENT, "Invalid version id specified: " + vid);
            }
            Optional<Slot> s = state.version(vid);
            if (s.isEmpty()) {
                return S3Result.err(S3Error.NO_SUCH_VERSION, "no version " + vid + " of " + key);
            }
            slot = s.get();
            if (slot instanceof Slot.DeleteMarker dm) {
                return S3Result.err(S3Failure.deleteMarker(S3Error.METHOD_NOT_ALLOWED,
                        "version " + vid + " of " + key + " is a delete marker", vid, dm.lastModified()));
            }
        } else {
            Optional<KeyState.Current> cur = state.current();
            if (cur.isEmpty()) {
                return S3Result.err(S3Error.NO_SUCH_KEY, "The specified key does not exist: " + key);
            }
            vid = cur.get().versionId();
            slot = cur.get().slot();
            if (slot instanceof Slot.DeleteMarker dm) {
                return S3Result.err(S3Failure.deleteMarker(S3Error.NO_SUCH_KEY,
                        "The specified key does not exist: " + key + " (current version is a delete marker)",
                        vid, dm.lastModified()));
            }
        }
        Slot.Version version = (Slot.Version) slot;
        StoredObject o = version.object();
        Optional<String> header = v == VersioningState.UNVERSIONED ? Optional.empty() : Optional.of(vid);
        return S3Result.ok(new Resolved(vid, version, o, new ObjectInfo(key, header, o.etag(), o.size(),
                o.lastModified(), o.partSizes().size(), ObjectInfo.header(o.storageClass()),
                Restores.header(o.restore(), now))));
    }

    /**
     * ListObjectVersions for the keys of {@code keys} that start with {@code prefix}: the first page
     * of {@link VersionLister#list} (at most 1,000 entries, FIDELITY A5, A6.2).
     */
    public static java.util.List<io.faultline.models.s3.api.response.VersionEntry> listVersions(
            java.util.NavigableMap<String, KeyState> keys, String prefix) {
        return VersionLister.list(keys, prefix, Limits.MAX_LIST_PAGE, Optional.empty(), Optional.empty())
                .orThrow().versions();
    }
}
