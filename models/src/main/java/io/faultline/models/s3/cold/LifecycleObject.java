package io.faultline.models.s3.cold;

import java.util.Optional;

/**
 * What lifecycle evaluation needs to know about one object version.
 *
 * @param key             its key
 * @param size            bytes
 * @param storageClass    its current class
 * @param createdNanos    virtual time it was written (transition and expiration days count from here)
 * @param noncurrentSince when it became noncurrent, for a noncurrent version
 */
public record LifecycleObject(String key, long size, StorageClass storageClass, long createdNanos,
        Optional<Long> noncurrentSince) {

    /** A current version. */
    public static LifecycleObject current(String key, long size, StorageClass c, long created) {
        return new LifecycleObject(key, size, c, created, Optional.empty());
    }

    public LifecycleObject in(StorageClass c) {
        return new LifecycleObject(key, size, c, createdNanos, noncurrentSince);
    }
}
