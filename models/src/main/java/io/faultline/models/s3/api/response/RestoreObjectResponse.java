package io.faultline.models.s3.api.response;

import org.apiguardian.api.API;


/**
 * A successful RestoreObject (FIDELITY A10.2): 202 Accepted when a restore starts (or is sped up by
 * a faster tier), 200 OK when the temporary copy already exists (its expiry is then updated). A
 * restore already in progress is an error, 409 {@code RestoreAlreadyInProgress}.
 *
 * <pre>{@code
 * S3Result<RestoreObjectResponse> r = ...;
 * if (r instanceof S3Result.Ok<RestoreObjectResponse> ok && ok.value().status() == 202) { ... }
 * }</pre>
 *
 * @param status 200 or 202
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RestoreObjectResponse(int status) {
    public RestoreObjectResponse {
        if (status != 200 && status != 202) {
            throw new IllegalArgumentException("RestoreObject succeeds with 200 or 202, not " + status);
        }
    }
}
