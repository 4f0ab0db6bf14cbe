package io.faultline.models.glacier.api;

import io.faultline.models.common.ApiError;
import org.apiguardian.api.API;

/**
 * The vault API's error codes this model emits, with their HTTP statuses. Invalid requests are
 * answered with one of these inside a {@link GlacierResult.Err}, never by throwing.
 *
 * <p>InsufficientCapacityException is 503 as FIDELITY B2.1 records it (the API reference has listed
 * 400 at times: [U]). The others follow the vault API's common error list (from memory where
 * the fidelity reference has no source: [U]).
 *
 * <pre>{@code
 * if (r instanceof GlacierResult.Err<?> e && e.error() == GlacierError.RESOURCE_NOT_FOUND) { ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum GlacierError implements ApiError {
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    INVALID_PARAMETER_VALUE("InvalidParameterValueException", 400),
    MISSING_PARAMETER_VALUE("MissingParameterValueException", 400),
    LIMIT_EXCEEDED("LimitExceededException", 400),
    ACCESS_DENIED("AccessDeniedException", 403),
    INSUFFICIENT_CAPACITY("InsufficientCapacityException", 503),
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 500);

    private final Code wire;

    GlacierError(String code, int status) {
        this.wire = new Code(code, status);
    }

    @Override
    public Code wire() {
        return wire;
    }
}
