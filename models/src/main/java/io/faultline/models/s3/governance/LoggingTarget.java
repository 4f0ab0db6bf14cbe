package io.faultline.models.s3.governance;

import org.apiguardian.api.API;

/** Where a bucket's server access logs go (FIDELITY A16.15): a bucket and a key prefix. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LoggingTarget(String targetBucket, String prefix) {
}
