package io.faultline.models.s3.api.response;

import java.util.Objects;

/** A part as ListParts shows it. */
public record PartInfo(int partNumber, String etag, long size, long lastModified) {
    public PartInfo {
        Objects.requireNonNull(etag, "etag");
    }
}
