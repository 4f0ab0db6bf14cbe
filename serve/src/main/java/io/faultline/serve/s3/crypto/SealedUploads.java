package io.faultline.serve.s3.crypto;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/** The encrypted multipart uploads in progress: each one's key, and its parts as they were sealed. */
@API(status = API.Status.INTERNAL, since = "0.1")
final class SealedUploads {
    private final TreeMap<String, SealingKey> keys = new TreeMap<>();
    private final TreeMap<String, TreeMap<Integer, List<SealedPart>>> parts = new TreeMap<>();

    synchronized void started(String uploadId, SealingKey key) {
        keys.put(uploadId, key);
    }

    synchronized Optional<SealingKey> key(String uploadId) {
        return Optional.ofNullable(keys.get(uploadId));
    }

    /** A part as uploaded; a part uploaded again under the same number keeps both, the client names which by ETag. */
    synchronized void uploaded(String uploadId, SealedPart p) {
        parts.computeIfAbsent(uploadId, u -> new TreeMap<>()).computeIfAbsent(p.partNumber(), n -> new java.util.ArrayList<>()).add(p);
    }

    /** The part numbered {@code n} whose shown (or stored) ETag is {@code etag}. */
    synchronized Optional<SealedPart> part(String uploadId, int n, String etag, Sse.Mode mode) {
        String e = SealedObjects.unquote(etag);
        List<SealedPart> l = parts.getOrDefault(uploadId, new TreeMap<>()).getOrDefault(n, List.of());
        for (int i = l.size() - 1; i >= 0; i--) {
            if (l.get(i).shownEtag(mode).equals(e) || l.get(i).storedEtag().equals(e)) {
                return Optional.of(l.get(i));
            }
        }
        return Optional.empty();
    }

    /** The newest part numbered {@code n} whose stored ETag is {@code storedEtag} (ListParts shows the model's). */
    synchronized Optional<SealedPart> stored(String uploadId, int n, String storedEtag) {
        List<SealedPart> l = parts.getOrDefault(uploadId, new TreeMap<>()).getOrDefault(n, List.of());
        for (int i = l.size() - 1; i >= 0; i--) {
            if (l.get(i).storedEtag().equals(SealedObjects.unquote(storedEtag))) {
                return Optional.of(l.get(i));
            }
        }
        return Optional.empty();
    }

    synchronized void finished(String uploadId) {
        keys.remove(uploadId);
        parts.remove(uploadId);
    }
}
