package io.faultline.labs.s3ryw;

import org.apiguardian.api.API;

/**
 * The answer of a backend call ({@link LegacyS3}, {@link LinearizableTable}): the value, a
 * definite "there is no such key", or a failure. A failure says whether the request may still have
 * taken effect ({@code maybeApplied}: a 5xx after the request reached the service) or certainly
 * did not (a 4xx, a failed condition). No answer at all (a partition, a paused host) means the
 * callback is never called: set a timer with {@link Backends#after} if you want to retry.
 *
 * <pre>{@code
 * s3.get("obj/a", r -> {
 *     if (r instanceof Reply.Ok<String> ok) { ... ok.value() ... }
 *     else if (r instanceof Reply.NotFound<String>) { ... }
 *     else if (r instanceof Reply.Failed<String> f) { ... f.reason() ... }
 * });
 * }</pre>
 *
 * @param <T> the value of an answer
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Reply<T> {
    /** The call succeeded with {@code value}. */
    record Ok<T>(T value) implements Reply<T> {
    }

    /** The key does not exist (S3's 404 NoSuchKey, or no row in the table). */
    record NotFound<T>() implements Reply<T> {
    }

    /** The call failed; {@code maybeApplied} when a write may have taken effect all the same. */
    record Failed<T>(String reason, boolean maybeApplied) implements Reply<T> {
    }
}
