package io.faultline.models.s3.api;

import io.faultline.models.s3.api.response.ListEntry;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

/**
 * ListObjectsV2 over a snapshot of the current objects of a bucket (FIDELITY A5). The snapshot
 * must be ordered by {@link Keys#ORDER} and hold only keys whose current version is an object
 * (delete markers are hidden, A5 "Versions").
 *
 * <p>Continuation tokens are opaque ("obfuscated and not a real key"): base64url of a version tag
 * and the last key or common prefix returned. A token that does not decode gives 400
 * {@code InvalidArgument}. With {@code max-keys=0} the answer is empty and not truncated [M7].
 *
 * <pre>{@code
 * S3Result<ListObjectsV2Response> page = Lister.list(snapshot, ListObjectsV2Request.all().withMaxKeys(2));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Lister {
    private static final String TOKEN_TAG = "fl1:";

    private Lister() {
    }

    public static S3Result<ListObjectsV2Response> list(NavigableMap<String, ListEntry> snapshot,
                                                       ListObjectsV2Request req) {
        return list(snapshot, (k, v) -> Optional.of(v), req);
    }

    /**
     * The same over any key-ordered map whose values may or may not hold a current object
     * ({@code current} answers empty for a deleted key or one whose current version is a delete
     * marker: such keys are skipped and roll up into no common prefix).
     */
    public static <V> S3Result<ListObjectsV2Response> list(NavigableMap<String, V> snapshot,
                                                           BiFunction<String, V, Optional<ListEntry>> current,
                                                           ListObjectsV2Request req) {
        if (req.maxKeys() < 0) {
            return S3Result.err(S3Error.INVALID_ARGUMENT, "max-keys " + req.maxKeys() + " must be >= 0");
        }
        if (req.delimiter().isPresent() && req.delimiter().get().isEmpty()) {
            return S3Result.err(S3Error.INVALID_ARGUMENT, "delimiter must not be empty");
        }
        int max = Math.min(req.maxKeys(), ListObjectsV2Request.MAX_KEYS);
        Optional<String> after;
        if (req.continuationToken().isPresent()) {
            Optional<String> decoded = decode(req.continuationToken().get());
            if (decoded.isEmpty()) {
                return S3Result.err(S3Error.INVALID_ARGUMENT, "The continuation token provided is incorrect");
            }
            after = decoded;
        } else {
            after = req.startAfter();
        }
        NavigableMap<String, V> view = after.isPresent() && Keys.compareUtf8(after.get(), req.prefix()) >= 0
                ? snapshot.tailMap(after.get(), false)
                : snapshot.tailMap(req.prefix(), true);
        List<ListEntry> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, V> e : view.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(req.prefix())) {
                break; // keys sharing a prefix are contiguous in UTF-8 order
            }
            Optional<ListEntry> entry = current.apply(key, e.getValue());
            if (entry.isEmpty()) {
                continue;
            }
            Optional<String> cp = commonPrefix(key, req.prefix(), req.delimiter());
            if (cp.isPresent()) {
                String p = cp.get();
                if (p.equals(last) || (after.isPresent() && Keys.compareUtf8(p, after.get()) <= 0)) {
                    continue; // already rolled up, or not after the marker (A5 start-after)
                }
                if (contents.size() + prefixes.size() == max) {
                    truncated = true;
                    break;
                }
                prefixes.add(p);
                last = p;
            } else {
                if (contents.size() + prefixes.size() == max) {
                    truncated = true;
                    break;
                }
                contents.add(entry.get());
                last = key;
            }
        }
        if (max == 0) {
            truncated = false;
        }
        Optional<String> next = truncated ? Optional.of(encode(last)) : Optional.empty();
        return S3Result.ok(new ListObjectsV2Response(contents, prefixes, truncated, next,
                contents.size() + prefixes.size(), max));
    }

    /** {@code prefix + X + delimiter} if the key has the delimiter after the prefix (A5). */
    static Optional<String> commonPrefix(String key, String prefix, Optional<String> delimiter) {
        if (delimiter.isEmpty()) {
            return Optional.empty();
        }
        int at = key.indexOf(delimiter.get(), prefix.length());
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(key.substring(0, at + delimiter.get().length()));
    }

    static String encode(String marker) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_TAG + marker).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> decode(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return s.startsWith(TOKEN_TAG) ? Optional.of(s.substring(TOKEN_TAG.length())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
