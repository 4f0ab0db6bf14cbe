package io.faultline.models.common;

import org.apiguardian.api.API;

/**
 * An error a model's API answers with: the code in the error body and the HTTP status. Each
 * model's enum of errors (S3's, Glacier's) implements it, so that code and status are held once.
 *
 * <pre>{@code
 * ApiError e = S3Error.NO_SUCH_KEY;
 * assert e.code().equals("NoSuchKey") && e.status() == 404;
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ApiError {
    /** The code and status as one value. */
    Code wire();

    /** The error code of the body, e.g. {@code NoSuchKey}. */
    default String code() {
        return wire().code();
    }

    /** The HTTP status, e.g. 404. */
    default int status() {
        return wire().status();
    }

    /** An error code with its HTTP status. */
    record Code(String code, int status) {
    }
}
