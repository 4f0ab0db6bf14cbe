package io.faultline.serve.s3.crypto;

import org.apiguardian.api.API;

/** A data key sealed under a master or KMS key: which key, which version of it, the nonce and the sealed bytes. */
@API(status = API.Status.INTERNAL, since = "0.1")
public record WrappedKey(String keyId, int version, byte[] iv, byte[] wrapped) {
    public WrappedKey {
        iv = iv.clone();
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }
}
