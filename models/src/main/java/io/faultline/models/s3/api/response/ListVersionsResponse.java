package io.faultline.models.s3.api.response;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One page of ListObjectVersions ({@code GET ?versions}, FIDELITY A5 and A6.2): versions and
 * delete markers in key order (UTF-8), newest first per key, at most {@code maxKeys} (1,000 at
 * most). When {@code isTruncated}, the next page starts after {@code nextKeyMarker} and
 * {@code nextVersionIdMarker}, which are present iff it is.
 *
 * <pre>{@code
 * ListVersionsResponse page = ...;
 * while (page.isTruncated()) {
 *     page = next(new S3Request.ListObjectVersions(bucket, prefix, 1000,
 *             page.nextKeyMarker(), page.nextVersionIdMarker()));
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ListVersionsResponse(List<VersionEntry> versions, boolean isTruncated, Optional<String> nextKeyMarker,
                                   Optional<String> nextVersionIdMarker, int maxKeys) {
    public ListVersionsResponse {
        versions = List.copyOf(versions);
        Objects.requireNonNull(nextKeyMarker, "nextKeyMarker");
        Objects.requireNonNull(nextVersionIdMarker, "nextVersionIdMarker");
        if (isTruncated != nextKeyMarker.isPresent() || isTruncated != nextVersionIdMarker.isPresent()) {
            throw new IllegalArgumentException("NextKeyMarker and NextVersionIdMarker must be present iff IsTruncated");
        }
    }
}
