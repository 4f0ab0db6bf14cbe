package io.faultline.serve.s3.blob;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A body kept in the {@link BlobStore} rather than in a request: its label and its size (for a sealed
 * body, the plaintext's: the size the client sent, which S3's limits apply to). It is what a session
 * records of a large body (the bytes are not recorded), and what the model holds, as
 * {@code Body.synthetic(size, label)}. {@link #NONE} is a request whose body is inline.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record BlobId(String label, long size) {
    public static final BlobId NONE = new BlobId("", 0);

    public BlobId {
        Objects.requireNonNull(label, "label");
    }

    /** Not named {@code isPresent}: Jackson, which writes sessions, would take that for a property. */
    public boolean exists() {
        return !label.isEmpty();
    }
}
