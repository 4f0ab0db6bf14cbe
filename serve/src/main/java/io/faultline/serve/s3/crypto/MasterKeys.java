package io.faultline.serve.s3.crypto;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * SSE-S3's master key (FIDELITY A16.10): every object gets its own data key, sealed under the
 * current version of a master key that is rotated; older versions stay to open the data keys
 * they sealed. Key bytes never leave this class but wrapped.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MasterKeys {
    private final List<byte[]> versions = new ArrayList<>();

    public MasterKeys() {
        rotate();
    }

    /** Starts a new master key version; data keys sealed before stay readable. */
    public synchronized int rotate() {
        versions.add(Aes.randomBytes(Aes.KEY_BYTES));
        return versions.size();
    }

    public synchronized int currentVersion() {
        return versions.size();
    }

    /** A fresh data key: its bytes and its wrapped form under the current version. */
    public synchronized DataKey newDataKey() {
        byte[] key = Aes.randomBytes(Aes.KEY_BYTES);
        byte[] iv = Aes.randomBytes(Aes.IV_BYTES);
        return new DataKey(key, new WrappedKey("sse-s3", versions.size(), iv, Aes.encrypt(versions.get(versions.size() - 1), iv, key)));
    }

    public synchronized byte[] unwrap(WrappedKey w) {
        return Aes.decrypt(versions.get(w.version() - 1), w.iv(), w.wrapped());
    }
}
