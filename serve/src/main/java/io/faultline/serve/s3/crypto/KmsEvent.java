package io.faultline.serve.s3.crypto;

import org.apiguardian.api.API;

/**
 * One use of a KMS key, as CloudTrail records it: when (epoch milliseconds), by which account,
 * the operation ({@code GenerateDataKey}, {@code Decrypt}), the key and its version, and the
 * encryption context (the object's ARN). Never any key material.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record KmsEvent(long epochMillis, String account, String operation, String keyArn, int keyVersion, String context) {
}
