package io.faultline.models.s3.api.response;

import io.faultline.models.s3.cold.StorageClass;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One object in a list response ({@code Contents} of ListObjectsV2).
 *
 * @param key          the key
 * @param etag         its ETag
 * @param size         its size in bytes
 * @param lastModified virtual nanoseconds
 * @param storageClass its {@code StorageClass} (FIDELITY A8), which a listing shows per object
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ListEntry(String key, String etag, long size, long lastModified, StorageClass storageClass) {
    public ListEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(storageClass, "storageClass");
    }

    /** A STANDARD object. */
    public ListEntry(String key, String etag, long size, long lastModified) {
        this(key, etag, size, lastModified, StorageClass.STANDARD);
    }
}
