package io.faultline.models.s3.api.response;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A ListObjectsV2 response (FIDELITY A5): keys in UTF-8 binary order, CommonPrefixes (only with a
 * delimiter), {@code keyCount} = keys + common prefixes &le; maxKeys, and a
 * {@code nextContinuationToken} present iff {@code isTruncated}.
 *
 * <pre>{@code
 * for (ListEntry e : response.contents()) { System.out.println(e.key()); }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ListObjectsV2Response(List<ListEntry> contents, List<String> commonPrefixes,
                                    boolean isTruncated, Optional<String> nextContinuationToken,
                                    int keyCount, int maxKeys) {
    public ListObjectsV2Response {
        contents = List.copyOf(contents);
        commonPrefixes = List.copyOf(commonPrefixes);
        Objects.requireNonNull(nextContinuationToken, "nextContinuationToken");
        if (isTruncated != nextContinuationToken.isPresent()) {
            throw new IllegalArgumentException("NextContinuationToken must be present iff IsTruncated");
        }
    }

    /** The keys of {@link #contents()}, in order. */
    public List<String> keys() {
        return contents.stream().map(ListEntry::key).toList();
    }
}
