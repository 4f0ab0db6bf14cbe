package io.faultline.models.s3.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apiguardian.api.API;

/**
 * ETags as S3 computes them (FIDELITY A3.3): hex MD5 of the bytes for PutObject and CopyObject
 * (plaintext or SSE-S3), and {@code hex(MD5(md5(p1) || ... || md5(pN))) + "-" + N} for a multipart
 * upload. Hex is lower case, as S3 sends it; the quotes S3 puts around an ETag are not part of the
 * value here.
 *
 * <pre>{@code
 * String e = ETags.hex(ETags.md5("hello".getBytes(UTF_8)));   // 5d41402abc4b2a76b9719d911017c592
 * String m = ETags.multipart(List.of(part1Md5, part2Md5));     // "...-2"
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ETags {
    private static final HexFormat HEX = HexFormat.of();
    /**
     * Never updated, only copied: a copy is much cheaper than {@code MessageDigest.getInstance},
     * whose provider lookup was about 1 % of S3StrongBench (every object body is digested).
     */
    private static final MessageDigest MD5 = lookUpMd5();

    private ETags() {
    }

    /** The 16-byte MD5 digest. */
    public static byte[] md5(byte[] data) {
        MessageDigest d = newMd5();
        return d.digest(data);
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /**
     * The ETag of a multipart object from the binary MD5s of its parts, in part order
     * (FIDELITY A3.3): MD5 of the concatenated 16-byte digests, hex, then {@code -N}.
     */
    public static String multipart(List<byte[]> partMd5s) {
        if (partMd5s.isEmpty()) {
            throw new IllegalArgumentException("a multipart ETag needs at least one part");
        }
        MessageDigest d = newMd5();
        for (byte[] m : partMd5s) {
            d.update(m);
        }
        return hex(d.digest()) + "-" + partMd5s.size();
    }

    /** True if two ETags name the same content, ignoring surrounding quotes and case. */
    public static boolean same(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String e) {
        String t = e.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static MessageDigest newMd5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            return lookUpMd5();
        }
    }

    private static MessageDigest lookUpMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }
}
