package io.faultline.serve.s3.governance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * A virtual MFA device of an account's root user: its serial number and the secret its one-time
 * codes derive from, as TOTP (RFC 6238: HMAC-SHA1 over 30-second steps, six digits), the codes an
 * authenticator app shows. A code is valid in its step and the one before and after it.
 *
 * <pre>{@code
 * MfaDevice d = new MfaDevice("alice", "arn:aws:iam::alice:mfa/root", "a secret of twenty bytes");
 * String header = d.serial() + " " + d.code(System.currentTimeMillis());  // x-amz-mfa
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MfaDevice(String account, String serial, String secret) {
    private static final long STEP_MILLIS = 30_000;

    public MfaDevice {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(secret, "secret");
        if (serial.isBlank() || serial.contains(" ") || secret.isEmpty()) {
            throw new IllegalArgumentException("an MFA device needs a serial without spaces and a secret");
        }
    }

    /** The code the device shows at {@code epochMillis}. */
    public String code(long epochMillis) {
        return totp(Math.floorDiv(epochMillis, STEP_MILLIS));
    }

    /** True if {@code code} is this device's code at {@code epochMillis}, give or take one step. */
    public boolean accepts(String code, long epochMillis) {
        long step = Math.floorDiv(epochMillis, STEP_MILLIS);
        boolean ok = false;
        for (long s = step - 1; s <= step + 1; s++) {
            ok |= MessageDigest.isEqual(totp(s).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
        }
        return ok;
    }

    private String totp(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int off = h[h.length - 1] & 0x0f;
            int bin = ((h[off] & 0x7f) << 24) | ((h[off + 1] & 0xff) << 16) | ((h[off + 2] & 0xff) << 8) | (h[off + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA1", e);
        }
    }

    @Override
    public String toString() {
        return "MfaDevice[" + serial + " of " + account + "]"; // never the secret
    }
}
