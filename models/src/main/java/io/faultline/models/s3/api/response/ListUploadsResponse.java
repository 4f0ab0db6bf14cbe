package io.faultline.models.s3.api.response;

import java.util.List;
import org.apiguardian.api.API;

/** A ListMultipartUploads page: open uploads by key (UTF-8 order), then initiation time. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ListUploadsResponse(List<UploadInfo> uploads, boolean isTruncated) {
    public ListUploadsResponse {
        uploads = List.copyOf(uploads);
    }
}
