package io.faultline.models.s3.server;

import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.RestoreObjectResponse;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.cold.ExpeditedCapacity;
import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.cold.LifecycleValidation;
import io.faultline.models.s3.cold.RestoreState;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.cold.Validation;
import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.store.Buckets;
import io.faultline.models.s3.store.ObjectOps;
import io.faultline.models.s3.store.Slot;
import io.faultline.models.s3.store.Stamp;
import io.faultline.models.s3.store.StoredObject;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The cold-path requests on a front-end: RestoreObject (FIDELITY A10), whose new restore state is
 * written through the index like any mutation, and the bucket lifecycle configuration (A9), kept in
 * the bucket's record and checked by {@link LifecycleValidation}. Lifecycle is bucket configuration:
 * a put or delete reaches GET and the daily run after the bucket-configuration delay (A1.3), and the
 * GET answers from the record as object requests see it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ColdHandlers {
    private final FrontEndContext front;
    private final IndexCalls indexCalls;
    /** Expedited restores this front-end accepted lately (A10.2 [M10]: per front-end, volatile). */
    private final ExpeditedCapacity expedited;

    ColdHandlers(FrontEndContext front, IndexCalls indexCalls) {
        this.front = front;
        this.indexCalls = indexCalls;
        this.expedited = new ExpeditedCapacity(front.cold().settings().expeditedPer5Min());
    }

    /** True if {@code req} is one of ours (and then it is answered). */
    boolean handle(long requestId, BucketRecord rec, S3Request req) {
        if (req instanceof S3Request.RestoreObject r) {
            restore(requestId, rec, r);
        } else if (req instanceof S3Request.PutBucketLifecycleConfiguration r) {
            putLifecycle(requestId, r);
        } else if (req instanceof S3Request.GetBucketLifecycleConfiguration) {
            front.respond(requestId, rec.lifecycle().isEmpty()
                    ? S3Result.err(S3Error.NO_SUCH_LIFECYCLE_CONFIGURATION,
                            "The lifecycle configuration does not exist: " + rec.name())
                    : S3Result.ok(rec.lifecycle()));
        } else if (req instanceof S3Request.DeleteBucketLifecycle r) {
            writeLifecycle(requestId, r.bucket(), List.of());
        } else {
            return false;
        }
        return true;
    }

    /**
     * RestoreObject: plans on the state a write would (a quorum in strong mode, one replica in
     * legacy mode), so the 409 while a restore runs is as consistent as the mode's reads.
     */
    private void restore(long requestId, BucketRecord rec, S3Request.RestoreObject r) {
        indexCalls.readForUpdate(requestId, rec.name(), r.key(), state -> {
            Stamp s = indexCalls.stamp(state);
            boolean capacity = r.tier() != RestoreTier.EXPEDITED || expedited.tryAcquire(indexCalls.now());
            S3Result<ObjectOps.Planned<RestoreObjectResponse>> p = ObjectOps.restore(r.key(), state, rec.versioning(),
                    r.versionId(), r.days(), r.tier(), capacity, indexCalls.rng(), s, indexCalls.now());
            if (!(p instanceof S3Result.Ok<ObjectOps.Planned<RestoreObjectResponse>> ok)) {
                front.respond(requestId, p);
                return;
            }
            indexCalls.write(requestId, rec.name(), ok.value().mutation(), () -> {
                StoredObject o = ((Slot.Version) ok.value().mutation().slot()).object();
                if (ok.value().response().status() == 202) {
                    front.cold().restored(o.storageClass(), r.tier(), o.size());
                }
                billCopy(rec.name(), r.key(), ok.value().mutation().versionId(), o);
                front.respond(requestId, S3Result.ok(ok.value().response()));
            });
        });
    }

    /** The temporary copy's stay as the new restore state has it: from completion (or now) to expiry. */
    private void billCopy(String bucket, String key, String versionId, StoredObject o) {
        RestoreState s = o.restore();
        if (s instanceof RestoreState.Ongoing on) {
            front.cold().restoredCopy(bucket, key, versionId, o.size(), on.completeNanos(), on.expiryNanos());
        } else if (s instanceof RestoreState.Restored done) {
            front.cold().restoredCopy(bucket, key, versionId, o.size(), indexCalls.now(), done.expiryNanos());
        }
    }

    private void putLifecycle(long requestId, S3Request.PutBucketLifecycleConfiguration r) {
        if (r.rules().isEmpty()) {
            front.respond(requestId, S3Result.err(S3Error.MALFORMED_XML,
                    "The XML you provided was not well-formed: a lifecycle configuration needs at least one Rule"));
            return;
        }
        if (LifecycleValidation.validate(r.rules()) instanceof Validation.Invalid bad) {
            front.respond(requestId, S3Result.err(S3Error.INVALID_ARGUMENT, bad.message()));
            return;
        }
        writeLifecycle(requestId, r.bucket(), r.rules());
    }

    private void writeLifecycle(long requestId, String bucket, List<LifecycleRule> rules) {
        indexCalls.bucket(requestId, bucket, b -> {
            if (b.isEmpty() || !b.get().exists()) {
                front.respond(requestId, S3Result.err(Buckets.noSuchBucket(bucket)));
                return;
            }
            // FIDELITY A1.3: lifecycle lags like every bucket setting, through the same delay.
            BucketRecord next = b.get().withLifecycle(rules, indexCalls.bucketStamp(b), indexCalls.now(),
                    indexCalls.now() + indexCalls.bucketConfigDelay());
            indexCalls.writeBucket(requestId, next, () -> front.respond(requestId, S3Result.ok(true)));
        });
    }

    /** The class named by an {@code x-amz-storage-class} header, or 400 InvalidStorageClass (A8). */
    static S3Result<StorageClass> storageClass(Optional<String> header) {
        if (header.isEmpty()) {
            return S3Result.ok(StorageClass.STANDARD);
        }
        return StorageClass.parse(header.get()).<S3Result<StorageClass>>map(S3Result::ok).orElseGet(() -> S3Result.err(
                S3Error.INVALID_STORAGE_CLASS, "The storage class you specified is not valid: " + header.get()));
    }
}
