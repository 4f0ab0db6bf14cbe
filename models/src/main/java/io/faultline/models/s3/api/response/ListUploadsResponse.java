package io.faultline.models.s3.api.response;

import java.util.List;

/** A ListMultipartUploads page: open uploads by key (UTF-8 order), then initiation time. */
public record ListUploadsResponse(List<UploadInfo> uploads, boolean isTruncated) {
    public ListUploadsResponse {
        uploads = List.copyOf(uploads);
    }
}
