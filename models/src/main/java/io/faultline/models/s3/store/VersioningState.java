package io.faultline.models.s3.store;

import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Result;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The versioning state of a bucket (FIDELITY A6.1): unversioned by default; once enabled it can
 * be suspended and re-enabled but never return to unversioned. The API shows only "Enabled" and
 * "Suspended"; a bucket never versioned reports no status.
 *
 * <pre>{@code
 * VersioningState.UNVERSIONED.change("Enabled");   // Ok(ENABLED)
 * VersioningState.ENABLED.change("Unversioned");   // Err(400 MalformedXML)
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum VersioningState {
    UNVERSIONED, ENABLED, SUSPENDED;

    /** The status the API reports: empty for a bucket never versioned (FIDELITY A6.1). */
    public Optional<String> apiStatus() {
        if (this == ENABLED) {
            return Optional.of("Enabled");
        }
        return this == SUSPENDED ? Optional.of("Suspended") : Optional.empty();
    }

    /** PutBucketVersioning with {@code Status}: only "Enabled" and "Suspended" exist (A6.1). */
    public S3Result<VersioningState> change(String status) {
        if (status.equals("Enabled")) {
            return S3Result.ok(ENABLED);
        }
        if (status.equals("Suspended")) {
            return S3Result.ok(SUSPENDED);
        }
        return S3Result.err(S3Error.MALFORMED_XML,
                "versioning status '" + status + "' is not one of Enabled, Suspended");
    }
}
