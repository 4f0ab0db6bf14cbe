package io.faultline.models.s3.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The conditional headers of a GET or HEAD (FIDELITY A7.1) and their evaluation against the
 * current object's ETag and Last-Modified time.
 *
 * <table>
 *   <caption>FIDELITY A7.1</caption>
 *   <tr><td>If-Match false</td><td>412</td></tr>
 *   <tr><td>If-None-Match false (the ETag matches)</td><td>304</td></tr>
 *   <tr><td>If-Modified-Since, not modified</td><td>304</td></tr>
 *   <tr><td>If-Unmodified-Since, modified</td><td>412</td></tr>
 * </table>
 * Combinations: If-Match true makes If-Unmodified-Since irrelevant (200); If-None-Match false (the ETag
 * matches) plus If-Modified-Since true gives 304. Times are virtual nanoseconds.
 *
 * <pre>{@code
 * Conditions c = Conditions.none().ifMatch("5d41402abc4b2a76b9719d911017c592");
 * Optional<S3Error> e = c.evaluate(currentEtag, lastModified); // empty: serve the object
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Conditions(Optional<String> ifMatch, Optional<String> ifNoneMatch,
                         OptionalLong ifModifiedSince, OptionalLong ifUnmodifiedSince) {

    private static final Conditions NONE =
            new Conditions(Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty());

    public Conditions {
        Objects.requireNonNull(ifMatch, "ifMatch");
        Objects.requireNonNull(ifNoneMatch, "ifNoneMatch");
        Objects.requireNonNull(ifModifiedSince, "ifModifiedSince");
        Objects.requireNonNull(ifUnmodifiedSince, "ifUnmodifiedSince");
    }

    public static Conditions none() {
        return NONE;
    }

    public Conditions ifMatch(String etag) {
        return new Conditions(Optional.of(etag), ifNoneMatch, ifModifiedSince, ifUnmodifiedSince);
    }

    public Conditions ifNoneMatch(String etag) {
        return new Conditions(ifMatch, Optional.of(etag), ifModifiedSince, ifUnmodifiedSince);
    }

    public Conditions ifModifiedSince(long t) {
        return new Conditions(ifMatch, ifNoneMatch, OptionalLong.of(t), ifUnmodifiedSince);
    }

    public Conditions ifUnmodifiedSince(long t) {
        return new Conditions(ifMatch, ifNoneMatch, ifModifiedSince, OptionalLong.of(t));
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The failure to answer instead of the object, if any (FIDELITY A7.1). */
    public Optional<S3Error> evaluate(String etag, long lastModified) {
        if (ifMatch.isPresent()) {
            if (!matches(ifMatch.get(), etag)) {
                return Optional.of(S3Error.PRECONDITION_FAILED);
            }
            // If-Match true: If-Unmodified-Since is not consulted (A7.1 combination rule).
        } else if (ifUnmodifiedSince.isPresent() && lastModified > ifUnmodifiedSince.getAsLong()) {
            return Optional.of(S3Error.PRECONDITION_FAILED);
        }
        if (ifNoneMatch.isPresent()) {
            if (matches(ifNoneMatch.get(), etag)) {
                return Optional.of(S3Error.NOT_MODIFIED);
            }
            // The ETag differs: If-None-Match holds, and If-Modified-Since is then not consulted
            // (RFC 9110 13.1.3). A matching ETag gives 304 even if modified since (A7.1).
            return Optional.empty();
        }
        if (ifModifiedSince.isPresent() && lastModified <= ifModifiedSince.getAsLong()) {
            return Optional.of(S3Error.NOT_MODIFIED);
        }
        return Optional.empty();
    }

    private static boolean matches(String header, String etag) {
        return header.trim().equals("*") || ETags.same(header, etag);
    }
}
