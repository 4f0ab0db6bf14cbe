package io.faultline.serve.s3.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/** The encrypted writes so far, by the stored envelope's ETag and by key (newest last). */
@API(status = API.Status.INTERNAL, since = "0.1")
final class SealedObjects {
    private final TreeMap<String, SealedObject> byStoredEtag = new TreeMap<>();
    private final TreeMap<String, List<SealedObject>> byKey = new TreeMap<>();

    synchronized void add(SealedObject s) {
        byStoredEtag.put(s.storedEtag(), s);
        byKey.computeIfAbsent(s.bucketKey(), k -> new ArrayList<>()).add(s);
    }

    synchronized Optional<SealedObject> byStoredEtag(String etag) {
        return Optional.ofNullable(byStoredEtag.get(unquote(etag)));
    }

    /** {@code storedEtag} names the same sealed bytes as {@code source} does (a replica, which a PUT wrote). */
    synchronized void alias(String storedEtag, SealedObject source) {
        byStoredEtag.putIfAbsent(unquote(storedEtag), source);
    }

    /** The stored ETag of the newest write of {@code bucketKey} that S3 shows as {@code shown}, if any. */
    synchronized Optional<String> storedFor(String bucketKey, String shown) {
        List<SealedObject> l = byKey.getOrDefault(bucketKey, List.of());
        for (int i = l.size() - 1; i >= 0; i--) {
            if (l.get(i).shownEtag().equals(unquote(shown))) {
                return Optional.of(l.get(i).storedEtag());
            }
        }
        return Optional.empty();
    }

    static String unquote(String etag) {
        String e = etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
