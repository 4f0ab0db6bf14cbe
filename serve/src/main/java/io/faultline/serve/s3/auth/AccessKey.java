package io.faultline.serve.s3.auth;

import java.util.Objects;
import org.apiguardian.api.API;

/** An access key the server accepts: its id, its secret, and the account it acts for. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AccessKey(String id, String secret, String account) {
    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(account, "account");
        if (id.isBlank() || secret.isBlank() || account.isBlank()) {
            throw new IllegalArgumentException("an access key needs an id, a secret and an account");
        }
    }

    @Override
    public String toString() {
        return "AccessKey[" + id + " of " + account + "]"; // never the secret
    }
}
