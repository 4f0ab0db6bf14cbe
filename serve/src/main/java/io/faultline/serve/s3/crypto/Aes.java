package io.faultline.serve.s3.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/** AES-256-GCM from {@code javax.crypto}: 12-byte random nonces, 128-bit tags. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Aes {
    public static final int KEY_BYTES = 32;
    public static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aes() {
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public static byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) {
        return run(Cipher.ENCRYPT_MODE, key, iv, plaintext);
    }

    /** The plaintext; a wrong key or altered bytes is {@link WrongKey}. */
    public static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) {
        return run(Cipher.DECRYPT_MODE, key, iv, ciphertext);
    }

    private static byte[] run(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            return c.doFinal(data);
        } catch (AEADBadTagException e) {
            throw new WrongKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refuses AES-256-GCM", e);
        }
    }

    /** The tag did not verify: the key is not the one the bytes were sealed with, or the bytes changed. */
    public static final class WrongKey extends RuntimeException {
        WrongKey() {
            super("AES-GCM tag mismatch", null, false, false);
        }
    }
}
