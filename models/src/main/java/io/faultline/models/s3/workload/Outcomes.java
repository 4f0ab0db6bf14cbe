package io.faultline.models.s3.workload;

import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;

/**
 * Whether an error answer to a write leaves its outcome unknown, as a real S3 client must assume:
 * a 500 InternalError or 503 ServiceUnavailable may come after the write reached the index (this
 * model answers 503 at the request deadline whatever the write had done by then), so it is
 * recorded {@code info}, like no answer at all. Errors given before the request did anything are
 * definite ({@code fail}): every 4xx (the request was refused as it stands), and the 503s this
 * model gives only at admission, before any work: SlowDown (the prefix partition's rate limit,
 * FIDELITY A15) and GlacierExpeditedRetrievalNotAvailable (no Expedited capacity, A10).
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.EXPERIMENTAL, since = "0.1")
public final class Outcomes {
    private Outcomes() {
    }

    /** True if the write answered with {@code f} may still have happened. */
    public static boolean indefinite(S3Failure f) {
        if (f.error() == S3Error.SLOW_DOWN || f.error() == S3Error.GLACIER_EXPEDITED_RETRIEVAL_NOT_AVAILABLE) {
            return false;
        }
        return f.status() >= 500;
    }
}
