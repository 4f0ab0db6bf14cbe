package io.faultline.serve.s3.crypto;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The encryption a write is sealed with (FIDELITY A16.10): a single PUT's, or a multipart upload's
 * from CreateMultipartUpload on. Its mode, the data key (SSE-S3 and SSE-KMS: drawn once per object
 * or upload; SSE-C: none, each request brings the customer's key), and what S3 echoes: the KMS key,
 * the customer key's MD5. Never the customer's key, only a salted HMAC to recognize it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SealingKey(String bucketKey, Sse.Mode mode, Optional<DataKey> dataKey, Optional<String> kmsKeyArn,
                        Optional<String> customerKeyMd5, Optional<String> customerKeyCheck) {
}
