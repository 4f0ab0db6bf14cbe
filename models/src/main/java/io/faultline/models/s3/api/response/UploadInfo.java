package io.faultline.models.s3.api.response;

import java.util.Objects;

/** An in-progress multipart upload as ListMultipartUploads shows it. */
public record UploadInfo(String key, String uploadId, long initiated) {
    public UploadInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
    }
}
