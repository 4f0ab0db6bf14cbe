package io.faultline.serve.s3.crypto;

import java.util.List;
import java.util.Optional;
import io.faultline.serve.s3.blob.BlobId;
import org.apiguardian.api.API;

/**
 * What the server remembers of one encrypted write, under the ETag the model gives the stored
 * envelope: the mode, the plaintext's size and MD5 (of a multipart upload: S3's multipart ETag over
 * the parts' plaintext), the KMS key, and for SSE-C the key's MD5 (which S3 echoes) and a salted
 * HMAC of the key to recognize it; the plaintext sizes of its parts (none for a single PUT); and the
 * blobs its sealed bytes are in, segmented (a large single PUT's one, a multipart upload's parts; none
 * for a small PUT, whose one envelope the model holds). Never the key.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SealedObject(String bucketKey, Sse.Mode mode, long plaintextSize, String plaintextMd5, String storedEtag,
                           Optional<String> kmsKeyArn, Optional<String> customerKeyMd5, Optional<String> customerKeyCheck,
                           List<Long> partSizes, List<BlobId> blobs) {
    public SealedObject {
        partSizes = List.copyOf(partSizes);
        blobs = List.copyOf(blobs);
    }

    /** The ETag S3 shows (FIDELITY A16.10): the plaintext's MD5 under SSE-S3; under SSE-KMS and SSE-C, not that. */
    public String shownEtag() {
        return mode == Sse.Mode.SSE_S3 ? plaintextMd5 : storedEtag;
    }
}
