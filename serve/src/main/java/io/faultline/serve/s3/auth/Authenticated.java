package io.faultline.serve.s3.auth;

import io.faultline.serve.s3.blob.Blob;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A request whose sender is known: who, and the payload with any aws-chunked framing removed, in
 * {@code payload} when small, else in the blob store ({@code spooled}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Authenticated(Principal principal, byte[] payload, Optional<Blob> spooled) {
    Authenticated(Principal principal, byte[] payload) {
        this(principal, payload, Optional.empty());
    }
}
