package io.faultline.models.s3.api;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A ListObjectsV2 request (FIDELITY A5). {@code maxKeys} defaults to and is capped at 1,000.
 *
 * <pre>{@code
 * ListObjectsV2Request r = ListObjectsV2Request.all().withPrefix("photos/").withDelimiter("/").withMaxKeys(100);
 * }</pre>
 *
 * @param prefix            only keys that begin with it ("" for all)
 * @param delimiter         rolls keys up into CommonPrefixes
 * @param maxKeys           at most this many keys plus common prefixes (0..1000; more is capped)
 * @param continuationToken from a previous truncated response
 * @param startAfter        list keys after this one (ignored when a continuation token is given)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ListObjectsV2Request(String prefix, Optional<String> delimiter, int maxKeys,
                                   Optional<String> continuationToken, Optional<String> startAfter) {
    /** Default and maximum of max-keys (FIDELITY A5). */
    public static final int MAX_KEYS = 1000;

    public ListObjectsV2Request {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(continuationToken, "continuationToken");
        Objects.requireNonNull(startAfter, "startAfter");
    }

    public static ListObjectsV2Request all() {
        return new ListObjectsV2Request("", Optional.empty(), MAX_KEYS, Optional.empty(), Optional.empty());
    }

    public ListObjectsV2Request withPrefix(String p) {
        return new ListObjectsV2Request(p, delimiter, maxKeys, continuationToken, startAfter);
    }

    public ListObjectsV2Request withDelimiter(String d) {
        return new ListObjectsV2Request(prefix, Optional.of(d), maxKeys, continuationToken, startAfter);
    }

    public ListObjectsV2Request withMaxKeys(int n) {
        return new ListObjectsV2Request(prefix, delimiter, n, continuationToken, startAfter);
    }

    public ListObjectsV2Request withContinuationToken(String t) {
        return new ListObjectsV2Request(prefix, delimiter, maxKeys, Optional.of(t), startAfter);
    }

    public ListObjectsV2Request withStartAfter(String k) {
        return new ListObjectsV2Request(prefix, delimiter, maxKeys, continuationToken, Optional.of(k));
    }
}
