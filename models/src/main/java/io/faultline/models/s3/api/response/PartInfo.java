package io.faultline.models.s3.api.response;

import java.util.Objects;
import org.apiguardian.api.API;

/** A part as ListParts shows it. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PartInfo(int partNumber, String etag, long size, long lastModified) {
    public PartInfo {
        Objects.requireNonNull(etag, "etag");
    }
}
