package io.faultline.models.s3.api.response;

import io.faultline.models.s3.cold.StorageClass;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What HEAD returns about an object version (and what GET returns besides the bytes).
 *
 * <pre>{@code
 * ObjectInfo i = head.value();
 * i.storageClass();   // x-amz-storage-class: Optional[GLACIER] after a lifecycle transition,
 *                     // empty for STANDARD (S3 omits the header for STANDARD objects)
 * i.storageClassOrStandard();   // GLACIER, or STANDARD when the header is absent
 * i.restore();        // x-amz-restore, e.g. ongoing-request="true"
 * }</pre>
 *
 * @param key          the key
 * @param versionId    {@code x-amz-version-id}: absent for a bucket never versioned; "null" for the null version
 * @param etag         content ETag (FIDELITY A3.3)
 * @param size         full size in bytes ({@code Content-Length} of a 200)
 * @param lastModified virtual nanoseconds
 * @param partsCount   number of parts for a multipart object, 0 otherwise
 * @param storageClass {@code x-amz-storage-class} (FIDELITY A8): absent for STANDARD, as S3 "returns this
 *                     header for all objects except for S3 Standard storage class objects" (BOTO-S3
 *                     {@code HeadObjectOutput.StorageClass}, {@code GetObjectOutput.StorageClass});
 *                     ListObjects still names STANDARD ({@code ListEntry})
 * @param restore      {@code x-amz-restore} (A10.2), present once a restore was requested and until its copy expires
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ObjectInfo(String key, Optional<String> versionId, String etag, long size,
                         long lastModified, int partsCount, Optional<StorageClass> storageClass,
                         Optional<String> restore) {
    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(storageClass, "storageClass");
        Objects.requireNonNull(restore, "restore");
        if (storageClass.equals(Optional.of(StorageClass.STANDARD))) {
            throw new IllegalArgumentException("x-amz-storage-class is omitted for STANDARD: pass Optional.empty()");
        }
    }

    /** The {@code x-amz-storage-class} header of an object stored in {@code c}: absent for STANDARD (A8). */
    public static Optional<StorageClass> header(StorageClass c) {
        return c == StorageClass.STANDARD ? Optional.empty() : Optional.of(c);
    }

    /** The class the header names, or STANDARD when it is absent. */
    public StorageClass storageClassOrStandard() {
        return storageClass.orElse(StorageClass.STANDARD);
    }

    /** A STANDARD object with no restore header. */
    public ObjectInfo(String key, Optional<String> versionId, String etag, long size, long lastModified,
                      int partsCount) {
        this(key, versionId, etag, size, lastModified, partsCount, Optional.empty(), Optional.empty());
    }
}
