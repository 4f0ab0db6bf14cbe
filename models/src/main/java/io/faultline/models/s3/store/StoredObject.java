package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import java.util.List;
import java.util.Objects;

/**
 * The content of one object version: its bytes, ETag and, for a multipart object, its part sizes.
 *
 * <pre>{@code
 * StoredObject o = StoredObject.single(Body.of("hello"), now);   // ETag = hex MD5 (A3.3)
 * }</pre>
 *
 * @param body         the bytes (or a size-and-digest stand-in)
 * @param etag         content ETag (FIDELITY A3.3)
 * @param lastModified virtual nanoseconds
 * @param partSizes    sizes of the parts for a multipart object, empty otherwise
 */
public record StoredObject(Body body, String etag, long lastModified, List<Long> partSizes) {
    public StoredObject {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        partSizes = List.copyOf(partSizes);
    }

    /** An object written by PutObject or CopyObject: ETag is the hex MD5 of the bytes (A3.3). */
    public static StoredObject single(Body body, long now) {
        return new StoredObject(body, body.etag(), now, List.of());
    }

    public long size() {
        return body.size();
    }

    public StoredObject at(long time) {
        return new StoredObject(body, etag, time, partSizes);
    }
}
