package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import java.util.Objects;

/**
 * One uploaded part of a multipart upload (FIDELITY A3.2); its ETag is the hex MD5 of its bytes.
 *
 * @param partNumber   1..10,000
 * @param body         its bytes
 * @param stamp        the write's stamp: re-uploading a part number overwrites the older part
 * @param lastModified virtual nanoseconds
 */
public record Part(int partNumber, Body body, Stamp stamp, long lastModified) {
    public Part {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(stamp, "stamp");
    }

    public String etag() {
        return body.etag();
    }

    public long size() {
        return body.size();
    }
}
