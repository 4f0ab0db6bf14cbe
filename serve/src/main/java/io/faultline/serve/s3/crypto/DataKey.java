package io.faultline.serve.s3.crypto;

import org.apiguardian.api.API;

/** A data key in the clear (used once, then dropped) and sealed (stored with the object). */
@API(status = API.Status.INTERNAL, since = "0.1")
public record DataKey(byte[] plaintext, WrappedKey sealed) {
    @Override
    public String toString() {
        return "DataKey[" + sealed.keyId() + " v" + sealed.version() + "]"; // never the key
    }
}
