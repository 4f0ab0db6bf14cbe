package io.faultline.serve.s3.governance;

import org.apiguardian.api.API;

/**
 * The {@code s3:TestEvent} message S3 sends to a queue when a notification configuration naming
 * it is set (FIDELITY A16.13): to {@code arn}, at virtual time {@code at}, about {@code bucket},
 * carrying the id of the request that set the configuration.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TestEvent(String arn, long at, String bucket, String requestId) {
}
