package io.faultline.models.s3.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One entry of a CompleteMultipartUpload list: the part number and the ETag UploadPart returned
 * (FIDELITY A3.2: the client tracks these itself rather than trusting ListParts).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CompletedPart(int partNumber, String etag) {
    public CompletedPart {
        Objects.requireNonNull(etag, "etag");
    }
}
