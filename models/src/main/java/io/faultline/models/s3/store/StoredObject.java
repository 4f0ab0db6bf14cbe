package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.cold.RestoreState;
import io.faultline.models.s3.cold.StorageClass;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The content of one object version: its bytes (or where they are), ETag, for a multipart object
 * its part sizes, and its cold-path state: the storage class (FIDELITY A8; set by PutObject's
 * {@code x-amz-storage-class}, CopyObject, or a lifecycle transition) and where a RestoreObject
 * stands (A10.2).
 *
 * <p>In the pure store the bytes are held here ({@code chunks} empty). In the simulated cluster the
 * index holds no bytes: {@code chunks} names the blobs on the storage hosts, in order (one for a
 * PUT or Copy, one per part for a completed multipart upload), and {@code body} is only a
 * size-and-digest stand-in ({@link Body.Synthetic}) that a front-end never serves: it fetches the
 * blobs instead.
 *
 * <pre>{@code
 * StoredObject o = StoredObject.single(Body.of("hello"), now);   // ETag = hex MD5 (A3.3), STANDARD
 * StoredObject meta = o.located(List.of(ref));                   // what the index records
 * StoredObject cold = o.in(StorageClass.GLACIER);                 // a GET now needs a restore
 * }</pre>
 *
 * @param body         the bytes (or a size-and-digest stand-in)
 * @param etag         content ETag (FIDELITY A3.3)
 * @param lastModified virtual nanoseconds (a transition or restore does not change it)
 * @param partSizes    sizes of the parts for a multipart object, empty otherwise
 * @param chunks       the blobs holding the bytes, in order; empty when {@code body} holds them
 * @param storageClass the version's storage class (A8)
 * @param restore      the version's restore state (A10.2); {@link RestoreState#NONE} if never restored
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StoredObject(Body body, String etag, long lastModified, List<Long> partSizes, List<BlobRef> chunks,
                           StorageClass storageClass, RestoreState restore) {
    public StoredObject {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(storageClass, "storageClass");
        Objects.requireNonNull(restore, "restore");
        partSizes = List.copyOf(partSizes);
        chunks = List.copyOf(chunks);
    }

    /** A STANDARD object, never restored, whose bytes are in {@code chunks} (or here if empty). */
    public StoredObject(Body body, String etag, long lastModified, List<Long> partSizes, List<BlobRef> chunks) {
        this(body, etag, lastModified, partSizes, chunks, StorageClass.STANDARD, RestoreState.NONE);
    }

    /** A STANDARD object, never restored, whose bytes are held here. */
    public StoredObject(Body body, String etag, long lastModified, List<Long> partSizes) {
        this(body, etag, lastModified, partSizes, List.of());
    }

    /** An object written by PutObject or CopyObject: ETag is the hex MD5 of the bytes (A3.3). */
    public static StoredObject single(Body body, long now) {
        return new StoredObject(body, body.etag(), now, List.of());
    }

    public long size() {
        return body.size();
    }

    public StoredObject at(long time) {
        return new StoredObject(body, etag, time, partSizes, chunks, storageClass, restore);
    }

    /** True if the bytes are on storage hosts rather than here. */
    public boolean isLocated() {
        return !chunks.isEmpty();
    }

    /** This object's metadata with its bytes replaced by the blobs that hold them. */
    public StoredObject located(List<BlobRef> blobs) {
        return new StoredObject(standIn(body.size(), etag), etag, lastModified, partSizes, blobs, storageClass, restore);
    }

    /** A body of {@code size} bytes that names no content: what the index keeps instead of bytes. */
    static Body standIn(long size, String etag) {
        return Body.synthetic(size, "stored:" + etag);
    }

    /** The same version in class {@code c} (a transition keeps the bytes and Last-Modified, A9). */
    public StoredObject in(StorageClass c) {
        return new StoredObject(body, etag, lastModified, partSizes, chunks, c, restore);
    }

    /** The same version with restore state {@code r} (A10.2). */
    public StoredObject withRestore(RestoreState r) {
        return new StoredObject(body, etag, lastModified, partSizes, chunks, storageClass, r);
    }
}
