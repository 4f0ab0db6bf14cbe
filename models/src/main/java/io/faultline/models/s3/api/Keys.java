package io.faultline.models.s3.api;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Object keys: validation (FIDELITY A2: at most 1,024 bytes of UTF-8) and S3's list order, "UTF-8
 * binary order" (FIDELITY A5): keys compare as their UTF-8 bytes read unsigned, which differs from
 * {@link String#compareTo} (UTF-16 code units) for characters above U+FFFF versus U+E000-U+FFFF.
 *
 * <pre>{@code
 * new TreeMap<String, V>(Keys.ORDER);   // iterates in S3's list order
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Keys {
    /** Maximum key length in UTF-8 bytes (FIDELITY A2). */
    public static final int MAX_KEY_BYTES = 1024;

    /** UTF-8 binary order (FIDELITY A5). */
    public static final Comparator<String> ORDER = Keys::compareUtf8;

    private Keys() {
    }

    public static int compareUtf8(String a, String b) {
        // Code point order equals UTF-8 byte order. Fast path: equal chars, or two different chars
        // neither of which is a surrogate, compare as UTF-16 does.
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                if (!Character.isSurrogate(x) && !Character.isSurrogate(y)) {
                    return x < y ? -1 : 1;
                }
                return compareCodePoints(a, b);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Why this key is invalid, if it is: empty, or longer than 1,024 UTF-8 bytes. */
    public static Optional<S3Failure> validate(String key) {
        if (key.isEmpty()) {
            return Optional.of(S3Failure.of(S3Error.INVALID_ARGUMENT, "object key must not be empty"));
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            return Optional.of(S3Failure.of(S3Error.KEY_TOO_LONG,
                    "key is " + bytes + " UTF-8 bytes; the maximum is " + MAX_KEY_BYTES));
        }
        return Optional.empty();
    }
}
