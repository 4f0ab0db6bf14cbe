package io.faultline.models.s3.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * A non-2xx answer: the error, a human message, and the headers S3 sends with some errors.
 *
 * <p>{@code deleteMarker} is the {@code x-amz-delete-marker: true} header; S3 never sends it with
 * the value {@code false}, it omits it (FIDELITY A6.2).
 *
 * <pre>{@code
 * S3Failure f = S3Failure.of(S3Error.NO_SUCH_KEY, "no such key: a/b");
 * }</pre>
 *
 * @param error        the code and status
 * @param message      what went wrong, naming the culprit
 * @param deleteMarker true when the answer is about a delete marker (404 or 405, FIDELITY A6.2)
 * @param versionId    the {@code x-amz-version-id} header, when S3 sends one
 * @param lastModified the {@code Last-Modified} header (virtual nanoseconds), when S3 sends one
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record S3Failure(S3Error error, String message, boolean deleteMarker,
                        Optional<String> versionId, OptionalLong lastModified) {

    public S3Failure {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    public static S3Failure of(S3Error error, String message) {
        return new S3Failure(error, message, false, Optional.empty(), OptionalLong.empty());
    }

    /** A failure about a delete marker: carries {@code x-amz-delete-marker: true}. */
    public static S3Failure deleteMarker(S3Error error, String message, String versionId, long lastModified) {
        return new S3Failure(error, message, true, Optional.of(versionId), OptionalLong.of(lastModified));
    }

    public int status() {
        return error.status();
    }

    @Override
    public String toString() {
        return error.status() + " " + error.code() + (deleteMarker ? " (delete marker)" : "") + ": " + message;
    }
}
