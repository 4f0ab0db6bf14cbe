package io.faultline.models.s3.api;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.cold.RestoreTier;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * The S3 API requests the simulated front-ends serve: one record per operation. The answer to each
 * is an {@link io.faultline.models.s3.api.S3Result} whose value type is given per record.
 *
 * <pre>{@code
 * S3Request r = new S3Request.PutObject("photos", "a.jpg", Body.of(bytes), WriteConditions.none());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface S3Request {
    /** The bucket the request is about (empty for ListBuckets). */
    String bucket();

    /** True for requests that count as writes for request-rate limits (FIDELITY A15). */
    default boolean isWrite() {
        return !(this instanceof GetObject || this instanceof HeadObject || this instanceof ListObjectsV2
                || this instanceof ListObjectVersions || this instanceof HeadBucket || this instanceof ListBuckets || this instanceof ListParts
                || this instanceof ListMultipartUploads || this instanceof GetBucketLifecycleConfiguration);
    }

    /** The key whose prefix partition is charged for the request. */
    default String rateKey() {
        return "";
    }

    /** Answer: {@code String} (the bucket's location). */
    record CreateBucket(String bucket) implements S3Request {
    }

    /** Answer: {@code Boolean} (204). */
    record DeleteBucket(String bucket) implements S3Request {
    }

    /** Answer: {@code Boolean} (200). */
    record HeadBucket(String bucket) implements S3Request {
    }

    /** Answer: {@code List<String>} of bucket names. */
    record ListBuckets() implements S3Request {
        @Override
        public String bucket() {
            return "";
        }
    }

    /** Answer: {@code VersioningState}. Status is "Enabled" or "Suspended" (FIDELITY A6.1). */
    record PutBucketVersioning(String bucket, String status) implements S3Request {
    }

    /**
     * Answer: {@code PutObjectResponse}. {@code storageClass} is the {@code x-amz-storage-class}
     * header as sent (FIDELITY A8): STANDARD when absent, 400 InvalidStorageClass when not a class.
     */
    record PutObject(String bucket, String key, Body body, WriteConditions conditions, Optional<String> storageClass)
            implements S3Request {
        /** A PUT without {@code x-amz-storage-class} (STANDARD). */
        public PutObject(String bucket, String key, Body body, WriteConditions conditions) {
            this(bucket, key, body, conditions, Optional.empty());
        }

        @Override
        public String rateKey() {
            return key;
        }
    }

    /**
     * Answer: {@code GetObjectResponse}. With {@code partNumber}, part n of a multipart object
     * (FIDELITY A4): 206, or 416 InvalidPartNumber beyond its parts.
     */
    record GetObject(String bucket, String key, Optional<String> versionId, Conditions conditions,
                     ByteRange range, OptionalInt partNumber) implements S3Request {
        public GetObject(String bucket, String key, Optional<String> versionId, Conditions conditions,
                         ByteRange range) {
            this(bucket, key, versionId, conditions, range, OptionalInt.empty());
        }

        /** GET {@code ?partNumber=n}. */
        public static GetObject part(String bucket, String key, int partNumber) {
            return new GetObject(bucket, key, Optional.empty(), Conditions.none(), ByteRange.NONE,
                    OptionalInt.of(partNumber));
        }

        @Override
        public String rateKey() {
            return key;
        }
    }

    /** Answer: {@code ObjectInfo}. {@code partNumber} as for {@link GetObject}. */
    record HeadObject(String bucket, String key, Optional<String> versionId, Conditions conditions,
                      OptionalInt partNumber) implements S3Request {
        public HeadObject(String bucket, String key, Optional<String> versionId, Conditions conditions) {
            this(bucket, key, versionId, conditions, OptionalInt.empty());
        }

        @Override
        public String rateKey() {
            return key;
        }
    }

    /** Answer: {@code DeleteObjectResponse}. */
    record DeleteObject(String bucket, String key, Optional<String> versionId) implements S3Request {
        @Override
        public String rateKey() {
            return key;
        }
    }

    /** Answer: {@code List<S3Result<DeleteObjectResponse>>}, one per key. */
    record DeleteObjects(String bucket, List<String> keys) implements S3Request {
        public DeleteObjects {
            keys = List.copyOf(keys);
        }

        @Override
        public String rateKey() {
            return keys.isEmpty() ? "" : keys.get(0);
        }
    }

    /**
     * Answer: {@code PutObjectResponse}. Source and destination in the same bucket; the copy is in
     * {@code storageClass} ({@code x-amz-storage-class}, STANDARD when absent). An archived source
     * needs a restored copy first (403 InvalidObjectState, FIDELITY A10.2).
     */
    record CopyObject(String bucket, String sourceKey, Optional<String> sourceVersionId, String key,
                      Optional<String> storageClass) implements S3Request {
        /** A copy into STANDARD. */
        public CopyObject(String bucket, String sourceKey, Optional<String> sourceVersionId, String key) {
            this(bucket, sourceKey, sourceVersionId, key, Optional.empty());
        }

        @Override
        public String rateKey() {
            return key;
        }
    }

    /**
     * Answer: {@code RestoreObjectResponse} (202 started, 200 already restored and expiry updated);
     * 409 RestoreAlreadyInProgress, 403 InvalidObjectState (not an archived class), 503
     * GlacierExpeditedRetrievalNotAvailable (FIDELITY A10.1, A10.2).
     */
    record RestoreObject(String bucket, String key, Optional<String> versionId, int days, RestoreTier tier)
            implements S3Request {
        @Override
        public String rateKey() {
            return key;
        }
    }

    /**
     * Answer: {@code Boolean} (200). Replaces the bucket's lifecycle configuration; checked by
     * {@link io.faultline.models.s3.cold.LifecycleValidation} (400 InvalidArgument), 400 MalformedXML
     * without any rule (FIDELITY A9).
     */
    record PutBucketLifecycleConfiguration(String bucket, List<LifecycleRule> rules) implements S3Request {
        public PutBucketLifecycleConfiguration {
            rules = List.copyOf(rules);
        }
    }

    /** Answer: {@code List<LifecycleRule>}; 404 NoSuchLifecycleConfiguration when there is none. */
    record GetBucketLifecycleConfiguration(String bucket) implements S3Request {
    }

    /** Answer: {@code Boolean} (204). Removes the bucket's lifecycle configuration. */
    record DeleteBucketLifecycle(String bucket) implements S3Request {
    }

    /** Answer: {@code ListObjectsV2Response}. */
    record ListObjectsV2(String bucket, ListObjectsV2Request request) implements S3Request {
        @Override
        public String rateKey() {
            return request.prefix();
        }
    }

    /**
     * Answer: {@code ListVersionsResponse}: one page of versions and delete markers, newest first
     * per key (FIDELITY A5, A6.2), after {@code keyMarker} (and {@code versionIdMarker}) if given.
     */
    record ListObjectVersions(String bucket, String prefix, int maxKeys, Optional<String> keyMarker,
                              Optional<String> versionIdMarker) implements S3Request {
        /** The first page, up to 1,000 entries. */
        public ListObjectVersions(String bucket, String prefix) {
            this(bucket, prefix, 1000, Optional.empty(), Optional.empty());
        }

        @Override
        public String rateKey() {
            return prefix;
        }
    }

    /**
     * Answer: {@code String} (the UploadId). The completed object is in {@code storageClass}
     * ({@code x-amz-storage-class}, STANDARD when absent; 400 InvalidStorageClass if not a class, A8).
     */
    record CreateMultipartUpload(String bucket, String key, Optional<String> storageClass) implements S3Request {
        /** An upload into STANDARD. */
        public CreateMultipartUpload(String bucket, String key) {
            this(bucket, key, Optional.empty());
        }

        @Override
        public String rateKey() {
            return key;
        }
    }

    /** Answer: {@code String} (the part's ETag). */
    record UploadPart(String bucket, String key, String uploadId, int partNumber, Body body) implements S3Request {
        @Override
        public String rateKey() {
            return key;
        }
    }

    /** Answer: {@code PutObjectResponse}. */
    record CompleteMultipartUpload(String bucket, String key, String uploadId, List<CompletedPart> parts,
                                   WriteConditions conditions) implements S3Request {
        public CompleteMultipartUpload {
            parts = List.copyOf(parts);
        }

        @Override
        public String rateKey() {
            return key;
        }
    }

    /** Answer: {@code Boolean} (204). */
    record AbortMultipartUpload(String bucket, String key, String uploadId) implements S3Request {
        @Override
        public String rateKey() {
            return key;
        }
    }

    /** Answer: {@code ListPartsResponse}. */
    record ListParts(String bucket, String key, String uploadId, int partNumberMarker, int maxParts)
            implements S3Request {
        @Override
        public String rateKey() {
            return key;
        }
    }

    /** Answer: {@code ListUploadsResponse}. */
    record ListMultipartUploads(String bucket) implements S3Request {
    }
}
