package io.faultline.models.s3.api;

import java.util.Objects;

/**
 * One entry of a CompleteMultipartUpload list: the part number and the ETag UploadPart returned
 * (FIDELITY A3.2: the client tracks these itself rather than trusting ListParts).
 */
public record CompletedPart(int partNumber, String etag) {
    public CompletedPart {
        Objects.requireNonNull(etag, "etag");
    }
}
