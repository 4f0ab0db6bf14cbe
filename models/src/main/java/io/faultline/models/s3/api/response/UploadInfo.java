package io.faultline.models.s3.api.response;

import java.util.Objects;
import org.apiguardian.api.API;

/** An in-progress multipart upload as ListMultipartUploads shows it. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record UploadInfo(String key, String uploadId, long initiated) {
    public UploadInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
    }
}
