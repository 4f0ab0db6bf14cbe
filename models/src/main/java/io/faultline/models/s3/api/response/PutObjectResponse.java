package io.faultline.models.s3.api.response;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A successful PutObject, CopyObject or CompleteMultipartUpload.
 *
 * @param etag      the new object's ETag (FIDELITY A3.3)
 * @param versionId the new version's ID: absent if the bucket was never versioned, "null" if suspended
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PutObjectResponse(String etag, Optional<String> versionId) {
    public PutObjectResponse {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(versionId, "versionId");
    }
}
