package io.faultline.serve.s3.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The URI encoding SigV4's canonical request uses (FIDELITY A16.1): every byte but the unreserved
 * {@code A-Z a-z 0-9 - . _ ~} as {@code %XY} with upper-case hex; the path keeps its slashes.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AwsUri {
    private AwsUri() {
    }

    public static String encode(String s, boolean keepSlash) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || (keepSlash && c == '/')) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** Percent-decodes a path or query component ({@code +} stays a plus, as S3 reads paths). */
    public static String decode(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write((Character.digit(s.charAt(i + 1), 16) << 4) | Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The canonical query string: encoded names sorted, then values; {@code skip} left out (presigned: the signature). */
    public static String canonicalQuery(Map<String, List<String>> query, String skip) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        query.forEach((k, vs) -> {
            if (!k.equals(skip)) {
                sorted.put(encode(k, false), vs.stream().map(v -> encode(v, false)).sorted().toList());
            }
        });
        StringBuilder b = new StringBuilder();
        sorted.forEach((k, vs) -> vs.forEach(v -> b.append(b.length() == 0 ? "" : "&").append(k).append('=').append(v)));
        return b.toString();
    }
}
