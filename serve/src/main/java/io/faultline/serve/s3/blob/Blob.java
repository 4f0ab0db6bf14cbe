package io.faultline.serve.s3.blob;

import org.apiguardian.api.API;

/** A body written to the {@link BlobStore}: its identity and the digests computed while it streamed in. */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Blob(BlobId id, byte[] md5, String sha256Hex) {
    public Blob {
        md5 = md5.clone();
    }

    @Override
    public byte[] md5() {
        return md5.clone();
    }
}
