package io.faultline.models.s3.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What HEAD returns about an object version (and what GET returns besides the bytes).
 *
 * @param key          the key
 * @param versionId    {@code x-amz-version-id}: absent for a bucket never versioned; "null" for the null version
 * @param etag         content ETag (FIDELITY A3.3)
 * @param size         full size in bytes ({@code Content-Length} of a 200)
 * @param lastModified virtual nanoseconds
 * @param partsCount   number of parts for a multipart object, 0 otherwise
 */
public record ObjectInfo(String key, Optional<String> versionId, String etag, long size,
                         long lastModified, int partsCount) {
    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(etag, "etag");
    }
}
