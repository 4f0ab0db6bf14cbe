package io.faultline.models.s3.cold;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What lifecycle evaluation needs to know about one object version.
 *
 * @param key             its key
 * @param size            bytes
 * @param storageClass    its current class
 * @param createdNanos    virtual time it was written (transition and expiration days count from here)
 * @param noncurrentSince when it became noncurrent, for a noncurrent version
 * @param newerNoncurrent how many noncurrent versions of its key are newer than it (for
 *                        {@code NewerNoncurrentVersions}, A9.3); 0 for a current version
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LifecycleObject(String key, long size, StorageClass storageClass, long createdNanos,
        Optional<Long> noncurrentSince, int newerNoncurrent) {

    public LifecycleObject(String key, long size, StorageClass storageClass, long createdNanos,
                           Optional<Long> noncurrentSince) {
        this(key, size, storageClass, createdNanos, noncurrentSince, 0);
    }

    /** A current version. */
    public static LifecycleObject current(String key, long size, StorageClass c, long created) {
        return new LifecycleObject(key, size, c, created, Optional.empty());
    }

    public LifecycleObject in(StorageClass c) {
        return new LifecycleObject(key, size, c, createdNanos, noncurrentSince, newerNoncurrent);
    }
}
