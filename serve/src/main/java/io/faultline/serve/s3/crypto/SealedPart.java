package io.faultline.serve.s3.crypto;

import io.faultline.models.s3.api.ETags;
import io.faultline.serve.s3.blob.BlobId;
import org.apiguardian.api.API;

/**
 * One uploaded part of an encrypted multipart upload: its plaintext's size and MD5, the ETag of the
 * sealed part the model stores, and the blob holding it (every part is segmented there, so that a
 * completed object is read part after part, never concatenated).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SealedPart(int partNumber, long plaintextSize, String plaintextMd5, String storedEtag, BlobId blob) {
    /** The part's ETag as S3 shows it: the plaintext's MD5 under SSE-S3, not that under SSE-KMS and SSE-C (FIDELITY A16.10). */
    public String shownEtag(Sse.Mode mode) {
        return mode == Sse.Mode.SSE_S3 ? plaintextMd5 : storedEtag;
    }

    static byte[] md5Bytes(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** S3's multipart ETag over these parts' plaintext MD5s: MD5 of the concatenated digests, dash, count. */
    static String multipartEtag(java.util.List<SealedPart> parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (SealedPart p : parts) {
            all.writeBytes(md5Bytes(p.plaintextMd5()));
        }
        return ETags.hex(ETags.md5(all.toByteArray())) + "-" + parts.size();
    }
}
