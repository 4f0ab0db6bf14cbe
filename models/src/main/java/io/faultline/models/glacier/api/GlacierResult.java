package io.faultline.models.glacier.api;

import org.apiguardian.api.API;

/**
 * The answer to one vault API call: a value or an error code with a message.
 *
 * <pre>{@code
 * GlacierResult<ArchiveReceipt> r = store.uploadArchive(now, "photos", "", body, body.treeHash());
 * if (r instanceof GlacierResult.Ok<ArchiveReceipt> ok) {
 *     String id = ok.value().archiveId();
 * } else if (r instanceof GlacierResult.Err<ArchiveReceipt> err) {
 *     System.out.println(err.error().code() + ": " + err.message());
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface GlacierResult<T> {
    /** Success with its value. */
    record Ok<T>(T value) implements GlacierResult<T> {
    }

    /** Refused: nothing changed. */
    record Err<T>(GlacierError error, String message) implements GlacierResult<T> {
    }

    static <T> GlacierResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> GlacierResult<T> err(GlacierError error, String message) {
        return new Err<>(error, message);
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value; throws (a bug in the caller, not bad input) if this is an error. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("not ok: " + this);
    }

    /** The error code, or the empty string for a success. */
    default String code() {
        return this instanceof Err<T> e ? e.error().code() : "";
    }
}
