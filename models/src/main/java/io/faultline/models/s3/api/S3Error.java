package io.faultline.models.s3.api;

import io.faultline.models.common.ApiError;
import org.apiguardian.api.API;

/**
 * The S3 error codes this model emits, each with its HTTP status (FIDELITY A15, error table).
 *
 * <p>{@link #NOT_MODIFIED} is not an error code in S3's table: a conditional read answers
 * {@code 304 Not Modified} without a body (FIDELITY A7.1). It lives here so that every non-2xx
 * answer is one closed set.
 *
 * <pre>{@code
 * S3Error e = S3Error.NO_SUCH_KEY;
 * assert e.code().equals("NoSuchKey") && e.status() == 404;
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum S3Error implements ApiError {
    NOT_MODIFIED("NotModified", 304),
    NO_SUCH_KEY("NoSuchKey", 404),
    NO_SUCH_VERSION("NoSuchVersion", 404),
    NO_SUCH_UPLOAD("NoSuchUpload", 404),
    NO_SUCH_BUCKET("NoSuchBucket", 404),
    INVALID_RANGE("InvalidRange", 416),
    INVALID_PART_NUMBER("InvalidPartNumber", 416),
    PRECONDITION_FAILED("PreconditionFailed", 412),
    CONDITIONAL_REQUEST_CONFLICT("ConditionalRequestConflict", 409),
    BUCKET_NOT_EMPTY("BucketNotEmpty", 409),
    BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409),
    BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409),
    OPERATION_ABORTED("OperationAborted", 409),
    INVALID_OBJECT_STATE("InvalidObjectState", 403),
    RESTORE_ALREADY_IN_PROGRESS("RestoreAlreadyInProgress", 409),
    NO_SUCH_LIFECYCLE_CONFIGURATION("NoSuchLifecycleConfiguration", 404),
    INVALID_STORAGE_CLASS("InvalidStorageClass", 400),
    ACCESS_DENIED("AccessDenied", 403),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
    ENTITY_TOO_SMALL("EntityTooSmall", 400),
    ENTITY_TOO_LARGE("EntityTooLarge", 400),
    INVALID_PART("InvalidPart", 400),
    INVALID_PART_ORDER("InvalidPartOrder", 400),
    TOO_MANY_BUCKETS("TooManyBuckets", 400),
    MALFORMED_XML("MalformedXML", 400),
    INVALID_ARGUMENT("InvalidArgument", 400),
    INVALID_BUCKET_NAME("InvalidBucketName", 400),
    KEY_TOO_LONG("KeyTooLongError", 400),
    INVALID_REQUEST("InvalidRequest", 400),
    INTERNAL_ERROR("InternalError", 500),
    SLOW_DOWN("SlowDown", 503),
    GLACIER_EXPEDITED_RETRIEVAL_NOT_AVAILABLE("GlacierExpeditedRetrievalNotAvailable", 503),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

    private final Code wire;

    S3Error(String code, int status) {
        this.wire = new Code(code, status);
    }

    @Override
    public Code wire() {
        return wire;
    }
}
