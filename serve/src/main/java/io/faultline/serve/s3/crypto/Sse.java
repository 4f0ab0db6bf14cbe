package io.faultline.serve.s3.crypto;

import io.faultline.serve.s3.http.IncomingRequest;
import io.faultline.serve.s3.http.Refusal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The server-side encryption a request asks for (FIDELITY A16.10): none, SSE-S3
 * ({@code x-amz-server-side-encryption: AES256}), SSE-KMS ({@code aws:kms}, with an optional
 * {@code ...-aws-kms-key-id}) or SSE-C (the {@code ...-customer-algorithm}, {@code -customer-key}
 * and {@code -customer-key-MD5} headers: AES256, a base64 256-bit key and its base64 MD5).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface Sse {
    /** How an object is encrypted. */
    enum Mode { SSE_S3, SSE_KMS, SSE_C }

    record None() implements Sse {
    }

    record S3Managed() implements Sse {
    }

    record KmsManaged(String keyId) implements Sse {
    }

    /** A customer key; {@code toString} never shows it. */
    record CustomerKey(byte[] key, String keyMd5) implements Sse {
        public CustomerKey {
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public String toString() {
            return "CustomerKey[md5=" + keyMd5 + "]";
        }
    }

    String HEADER = "x-amz-server-side-encryption";
    String KMS_KEY = "x-amz-server-side-encryption-aws-kms-key-id";
    String C_ALGORITHM = "x-amz-server-side-encryption-customer-algorithm";
    String C_KEY = "x-amz-server-side-encryption-customer-key";
    String C_KEY_MD5 = "x-amz-server-side-encryption-customer-key-md5";

    /** What {@code in} asks for; malformed headers are 400 InvalidArgument naming the header. */
    static Sse of(IncomingRequest in) {
        Optional<String> mode = in.header(HEADER);
        Optional<Sse> customer = customer(in, C_ALGORITHM, C_KEY, C_KEY_MD5);
        if (mode.isPresent() && customer.isPresent()) {
            throw new Refusal(400, "InvalidArgument", "Server Side Encryption with Customer provided key is incompatible"
                    + " with the encryption method specified (" + HEADER + ")");
        }
        if (customer.isPresent()) {
            return customer.get();
        }
        if (mode.isEmpty()) {
            if (in.header(KMS_KEY).isPresent()) {
                throw new Refusal(400, "InvalidArgument", KMS_KEY + " needs " + HEADER + ": aws:kms");
            }
            return new None();
        }
        return switch (mode.get().trim()) {
            case "AES256" -> {
                if (in.header(KMS_KEY).isPresent()) {
                    throw new Refusal(400, "InvalidArgument", KMS_KEY + " needs " + HEADER + ": aws:kms, not AES256");
                }
                yield new S3Managed();
            }
            case "aws:kms" -> new KmsManaged(in.header(KMS_KEY).orElse("").trim());
            default -> throw new Refusal(400, "InvalidArgument", HEADER + " '" + mode.get()
                    + "' is not one of AES256, aws:kms (aws:kms:dsse is not served)");
        };
    }

    /** True if {@code in} carries any SSE-C header, for the object or for a copy's source. */
    static boolean customerKeyHeaders(IncomingRequest in) {
        return in.headers().keySet().stream().anyMatch(h -> h.startsWith("x-amz-server-side-encryption-customer-")
                || h.startsWith("x-amz-copy-source-server-side-encryption-customer-"));
    }

    /** The SSE-C key in the three headers named, if sent (the copy-source variant names others). */
    static Optional<Sse> customer(IncomingRequest in, String algorithmHeader, String keyHeader, String md5Header) {
        Optional<String> algorithm = in.header(algorithmHeader);
        Optional<String> key = in.header(keyHeader);
        Optional<String> md5 = in.header(md5Header);
        if (algorithm.isEmpty() && key.isEmpty() && md5.isEmpty()) {
            return Optional.empty();
        }
        if (algorithm.isEmpty() || !algorithm.get().trim().equals("AES256")) {
            throw new Refusal(400, "InvalidEncryptionAlgorithmError", "The encryption request you specified is not valid."
                    + " The valid value is AES256 (" + algorithmHeader + ")");
        }
        if (key.isEmpty()) {
            throw new Refusal(400, "InvalidArgument", "Requests specifying Server Side Encryption with Customer provided"
                    + " keys must provide an appropriate secret key (" + keyHeader + ")");
        }
        byte[] k;
        try {
            k = Base64.getDecoder().decode(key.get().trim());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "InvalidArgument", keyHeader + " is not base64");
        }
        if (k.length != Aes.KEY_BYTES) {
            throw new Refusal(400, "InvalidArgument", "The secret key was invalid for the specified algorithm (" + keyHeader
                    + " must be 256 bits)");
        }
        String expected = Base64.getEncoder().encodeToString(md5(k));
        if (md5.isPresent() && !MessageDigest.isEqual(expected.getBytes(), md5.get().trim().getBytes())) {
            throw new Refusal(400, "InvalidArgument", "The calculated MD5 hash of the key did not match the hash that was provided");
        }
        return Optional.of(new CustomerKey(k, expected));
    }

    static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }
}
