package io.faultline.models.s3.api;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Conditional-write headers of PutObject and CompleteMultipartUpload (FIDELITY A7.2).
 * {@code If-None-Match} accepts only {@code *}, so it is a flag here.
 *
 * <pre>{@code
 * WriteConditions.ifAbsent();            // If-None-Match: *  (412 if the key exists)
 * WriteConditions.ifMatch(etag);         // compare-and-swap (412 if the ETag differs)
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WriteConditions(boolean ifNoneMatchStar, Optional<String> ifMatch) {
    private static final WriteConditions NONE = new WriteConditions(false, Optional.empty());

    public WriteConditions {
        Objects.requireNonNull(ifMatch, "ifMatch");
    }

    public static WriteConditions none() {
        return NONE;
    }

    public static WriteConditions ifAbsent() {
        return new WriteConditions(true, Optional.empty());
    }

    public static WriteConditions ifMatch(String etag) {
        return new WriteConditions(false, Optional.of(etag));
    }

    public boolean isEmpty() {
        return !ifNoneMatchStar && ifMatch.isEmpty();
    }
}
