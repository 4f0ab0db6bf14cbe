package io.faultline.models.s3.api;

import java.util.Objects;

/** A part as ListParts shows it. */
public record PartInfo(int partNumber, String etag, long size, long lastModified) {
    public PartInfo {
        Objects.requireNonNull(etag, "etag");
    }
}
