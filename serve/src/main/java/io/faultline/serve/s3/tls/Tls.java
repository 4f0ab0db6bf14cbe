package io.faultline.serve.s3.tls;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Whether {@code faultline serve s3} speaks HTTPS, and with which certificate: none (plain HTTP,
 * the default), one generated at start for {@code 127.0.0.1} and {@code localhost}, or the first
 * key entry of a PKCS#12 or JKS key store. SSE-C needs HTTPS (FIDELITY A16.10).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Tls {
    /** Plain HTTP. */
    record Off() implements Tls {
    }

    /** A self-signed certificate generated at start, for 127.0.0.1, localhost and its subdomains. */
    record SelfSigned() implements Tls {
    }

    /** A key store file (PKCS#12 or JKS) and its password; {@code toString} never shows the password. */
    record KeyStoreFile(Path file, String password) implements Tls {
        public KeyStoreFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "KeyStoreFile[" + file + "]";
        }
    }
}
