package io.faultline.models.s3.governance;

import org.apiguardian.api.API;

/**
 * A replication rule (FIDELITY A16.14): objects written under {@code prefix} after the rule was
 * configured are copied, asynchronously, to {@code destinationBucket}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReplicationRule(String id, String prefix, String destinationBucket) {
}
