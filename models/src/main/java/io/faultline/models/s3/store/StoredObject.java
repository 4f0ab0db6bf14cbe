package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import java.util.List;
import java.util.Objects;

/**
 * The content of one object version: its bytes (or where they are), ETag and, for a multipart
 * object, its part sizes.
 *
 * <p>In the pure store the bytes are held here ({@code chunks} empty). In the simulated cluster the
 * index holds no bytes: {@code chunks} names the blobs on the storage hosts, in order (one for a
 * PUT or Copy, one per part for a completed multipart upload), and {@code body} is only a
 * size-and-digest stand-in ({@link Body.Synthetic}) that a front-end never serves: it fetches the
 * blobs instead.
 *
 * <pre>{@code
 * StoredObject o = StoredObject.single(Body.of("hello"), now);   // ETag = hex MD5 (A3.3)
 * StoredObject meta = o.located(List.of(ref));                   // what the index records
 * }</pre>
 *
 * @param body         the bytes (or a size-and-digest stand-in)
 * @param etag         content ETag (FIDELITY A3.3)
 * @param lastModified virtual nanoseconds
 * @param partSizes    sizes of the parts for a multipart object, empty otherwise
 * @param chunks       the blobs holding the bytes, in order; empty when {@code body} holds them
 */
public record StoredObject(Body body, String etag, long lastModified, List<Long> partSizes, List<BlobRef> chunks) {
    public StoredObject {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        partSizes = List.copyOf(partSizes);
        chunks = List.copyOf(chunks);
    }

    /** An object whose bytes are held here. */
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
        return new StoredObject(body, etag, time, partSizes, chunks);
    }

    /** True if the bytes are on storage hosts rather than here. */
    public boolean isLocated() {
        return !chunks.isEmpty();
    }

    /** This object's metadata with its bytes replaced by the blobs that hold them. */
    public StoredObject located(List<BlobRef> blobs) {
        return new StoredObject(standIn(body.size(), etag), etag, lastModified, partSizes, blobs);
    }

    /** A body of {@code size} bytes that names no content: what the index keeps instead of bytes. */
    static Body standIn(long size, String etag) {
        return Body.synthetic(size, "stored:" + etag);
    }
}
