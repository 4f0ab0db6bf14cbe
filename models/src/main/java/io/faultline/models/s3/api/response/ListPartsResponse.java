package io.faultline.models.s3.api.response;

import java.util.List;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A ListParts page (at most 1,000 parts, FIDELITY A3.1).
 *
 * @param parts                ascending by part number
 * @param isTruncated          more parts follow
 * @param nextPartNumberMarker pass it as the marker of the next page
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ListPartsResponse(String uploadId, String key, List<PartInfo> parts, boolean isTruncated,
                                OptionalInt nextPartNumberMarker) {
    public ListPartsResponse {
        parts = List.copyOf(parts);
    }
}
