package io.faultline.models.s3.api.response;

import io.faultline.models.s3.cold.StorageClass;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One version or delete marker as ListObjectVersions ({@code GET ?versions}) shows it: the only
 * listing that shows noncurrent versions and delete markers (FIDELITY A5 "Versions", A6.2).
 *
 * @param key          the key
 * @param versionId    its version ID ("null" for the null version)
 * @param isLatest     true for the key's current version
 * @param deleteMarker true for a delete marker (then {@code etag} is empty and size 0)
 * @param etag         the content ETag of an object version
 * @param size         bytes of an object version
 * @param lastModified virtual nanoseconds
 * @param storageClass an object version's {@code StorageClass} (FIDELITY A8); STANDARD for a delete marker
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record VersionEntry(String key, String versionId, boolean isLatest, boolean deleteMarker,
                           Optional<String> etag, long size, long lastModified, StorageClass storageClass) {
    public VersionEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(storageClass, "storageClass");
    }

    /** A STANDARD version or a delete marker. */
    public VersionEntry(String key, String versionId, boolean isLatest, boolean deleteMarker, Optional<String> etag,
                        long size, long lastModified) {
        this(key, versionId, isLatest, deleteMarker, etag, size, lastModified, StorageClass.STANDARD);
    }
}
