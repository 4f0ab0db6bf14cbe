package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.cold.RestoreState;
import io.faultline.models.s3.cold.StorageClass;
import java.util.List;
import java.util.Objects;

/**
 * The content of one object version: its bytes, ETag, for a multipart object its part sizes, and
 * its cold-path state: the storage class (FIDELITY A8; set by PutObject's {@code x-amz-storage-class},
 * CopyObject, or a lifecycle transition) and where a RestoreObject stands (A10.2).
 *
 * <pre>{@code
 * StoredObject o = StoredObject.single(Body.of("hello"), now);   // ETag = hex MD5 (A3.3), STANDARD
 * StoredObject cold = o.in(StorageClass.GLACIER);                 // a GET now needs a restore
 * }</pre>
 *
 * @param body         the bytes (or a size-and-digest stand-in)
 * @param etag         content ETag (FIDELITY A3.3)
 * @param lastModified virtual nanoseconds (a transition or restore does not change it)
 * @param partSizes    sizes of the parts for a multipart object, empty otherwise
 * @param storageClass the version's storage class (A8)
 * @param restore      the version's restore state (A10.2); {@link RestoreState#NONE} if never restored
 */
public record StoredObject(Body body, String etag, long lastModified, List<Long> partSizes,
                           StorageClass storageClass, RestoreState restore) {
    public StoredObject {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(storageClass, "storageClass");
        Objects.requireNonNull(restore, "restore");
        partSizes = List.copyOf(partSizes);
    }

    /** A STANDARD object that was never restored. */
    public StoredObject(Body body, String etag, long lastModified, List<Long> partSizes) {
        this(body, etag, lastModified, partSizes, StorageClass.STANDARD, RestoreState.NONE);
    }

    /** An object written by PutObject or CopyObject: ETag is the hex MD5 of the bytes (A3.3). */
    public static StoredObject single(Body body, long now) {
        return new StoredObject(body, body.etag(), now, List.of());
    }

    public long size() {
        return body.size();
    }

    public StoredObject at(long time) {
        return new StoredObject(body, etag, time, partSizes, storageClass, restore);
    }

    /** The same version in class {@code c} (a transition keeps the bytes and Last-Modified, A9). */
    public StoredObject in(StorageClass c) {
        return new StoredObject(body, etag, lastModified, partSizes, c, restore);
    }

    /** The same version with restore state {@code r} (A10.2). */
    public StoredObject withRestore(RestoreState r) {
        return new StoredObject(body, etag, lastModified, partSizes, storageClass, r);
    }
}
