package io.faultline.models.s3.api;

import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The answer to one S3 request: a value, or S3's error. Invalid requests are answered, never
 * thrown (the rule: "invalid requests get S3's error, never an exception").
 *
 * <pre>{@code
 * S3Result<PutObjectResponse> r = client.putObject(...);
 * if (r instanceof S3Result.Ok<PutObjectResponse> ok) { use(ok.value().etag()); }
 * else if (r instanceof S3Result.Err<PutObjectResponse> err && err.failure().status() == 412) { ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface S3Result<T> {

    /** A 2xx answer. */
    record Ok<T>(T value) implements S3Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A non-2xx answer. */
    record Err<T>(S3Failure failure) implements S3Result<T> {
        public Err {
            Objects.requireNonNull(failure, "failure");
        }
    }

    static <T> S3Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> S3Result<T> err(S3Failure failure) {
        return new Err<>(failure);
    }

    static <T> S3Result<T> err(S3Error error, String message) {
        return new Err<>(S3Failure.of(error, message));
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws only on a programming error (call {@link #isOk()} first). */
    default T orThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("not ok: " + ((Err<T>) this).failure());
    }

    /** The error of an {@link Err}, or throws on a programming error. */
    default S3Failure failureOrThrow() {
        if (this instanceof Err<T> e) {
            return e.failure();
        }
        throw new IllegalStateException("ok, not a failure: " + this);
    }

    default <U> S3Result<U> map(Function<T, U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Err<>(((Err<T>) this).failure());
    }

    /** The same failure with another value type. */
    default <U> S3Result<U> castErr() {
        return new Err<>(failureOrThrow());
    }
}
