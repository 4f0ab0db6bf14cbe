package io.faultline.serve.s3.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * The arithmetic of AWS Signature Version 4 (FIDELITY A16.1): SHA-256, the HMAC chain that derives
 * the signing key from the secret, the date and the scope, and the string to sign.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The hash of an empty payload, which chunk signatures carry in place of headers. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private SigV4() {
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String sha256Hex(String s) {
        return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    public static byte[] signingKey(String secret, Scope scope) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        k = hmac(k, scope.region());
        k = hmac(k, scope.service());
        return hmac(k, "aws4_request");
    }

    public static String stringToSign(String amzDate, Scope scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope.text() + "\n" + sha256Hex(canonicalRequest);
    }

    public static String sign(byte[] signingKey, String stringToSign) {
        return HexFormat.of().formatHex(hmac(signingKey, stringToSign));
    }

    /** Compares two signatures in time independent of where they differ. */
    public static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Epoch milliseconds of an {@code x-amz-date} ({@code 20261207T151711Z}); empty if malformed. */
    public static OptionalLong parseAmzDate(String s) {
        try {
            return OptionalLong.of(LocalDateTime.parse(s, AMZ_DATE).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }

    public static String formatAmzDate(long epochMillis) {
        return AMZ_DATE.format(LocalDateTime.ofEpochSecond(epochMillis / 1000, 0, ZoneOffset.UTC));
    }

    /** The credential scope {@code date/region/service/aws4_request}. */
    public record Scope(String date, String region, String service) {
        public String text() {
            return date + "/" + region + "/" + service + "/aws4_request";
        }
    }
}
