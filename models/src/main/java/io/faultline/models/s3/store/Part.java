package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One uploaded part of a multipart upload (FIDELITY A3.2); its ETag is the hex MD5 of its bytes.
 * In the simulated cluster a part's bytes are a blob on the storage hosts ({@code blob}) and
 * {@code body} is a size-only stand-in, as for {@link StoredObject}.
 *
 * <pre>{@code
 * Part p = new Part(1, Body.of(bytes), stamp, now);   // etag = hex MD5 of the bytes
 * }</pre>
 *
 * @param partNumber   1..10,000
 * @param body         its bytes (or a stand-in when {@code blob} is present)
 * @param stamp        the write's stamp: re-uploading a part number overwrites the older part
 * @param lastModified virtual nanoseconds
 * @param etag         hex MD5 of the bytes
 * @param blob         where the bytes are, if not in {@code body}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Part(int partNumber, Body body, Stamp stamp, long lastModified, String etag, Optional<BlobRef> blob) {
    public Part {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(blob, "blob");
    }

    /** A part whose bytes are held here. */
    public Part(int partNumber, Body body, Stamp stamp, long lastModified) {
        this(partNumber, body, stamp, lastModified, body.etag(), Optional.empty());
    }

    /** A part whose bytes are the blob {@code ref}. */
    public static Part located(int partNumber, Body body, BlobRef ref, Stamp stamp, long lastModified) {
        return new Part(partNumber, StoredObject.standIn(body.size(), body.etag()), stamp, lastModified,
                body.etag(), Optional.of(ref));
    }

    public long size() {
        return body.size();
    }
}
