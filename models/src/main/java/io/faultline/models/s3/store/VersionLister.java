package io.faultline.models.s3.store;

import io.faultline.models.s3.api.response.ListVersionsResponse;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.VersionEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * ListObjectVersions with paging (FIDELITY A5, A6.2): every version and delete marker of the keys
 * under a prefix, in key order (UTF-8) then newest first, the current one marked latest; at most
 * {@code max-keys} entries (1,000 by default and at most). {@code key-marker} starts after every
 * version of that key; with {@code version-id-marker} too, after that version of it.
 *
 * <pre>{@code
 * S3Result<ListVersionsResponse> page = VersionLister.list(keys, "", 1000, Optional.empty(), Optional.empty());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class VersionLister {
    private VersionLister() {
    }

    public static S3Result<ListVersionsResponse> list(NavigableMap<String, KeyState> keys, String prefix,
                                                      int maxKeys, Optional<String> keyMarker,
                                                      Optional<String> versionIdMarker) {
        if (versionIdMarker.isPresent() && keyMarker.isEmpty()) {
            return S3Result.err(S3Error.INVALID_ARGUMENT, "A version-id marker cannot be specified without a key marker.");
        }
        if (maxKeys < 0) {
            return S3Result.err(S3Error.INVALID_ARGUMENT, "max-keys must be 0 or more; got " + maxKeys);
        }
        int max = Math.min(maxKeys, Limits.MAX_LIST_PAGE);
        NavigableMap<String, KeyState> from = keys.tailMap(prefix, true);
        if (keyMarker.isPresent() && io.faultline.models.s3.api.Keys.compareUtf8(keyMarker.get(), prefix) >= 0) {
            from = keys.tailMap(keyMarker.get(), versionIdMarker.isPresent());
        }
        List<VersionEntry> out = new ArrayList<>();
        for (Map.Entry<String, KeyState> e : from.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            List<KeyState.Current> versions = e.getValue().versionsNewestFirst();
            int start = 0;
            if (versionIdMarker.isPresent() && key.equals(keyMarker.get())) {
                start = versions.size();
                for (int i = 0; i < versions.size(); i++) {
                    if (versions.get(i).versionId().equals(versionIdMarker.get())) {
                        start = i + 1;
                        break;
                    }
                }
            }
            for (int i = start; i < versions.size(); i++) {
                if (out.size() == max) {
                    VersionEntry last = out.isEmpty() ? null : out.get(out.size() - 1);
                    return last == null ? page(out, false, max)
                            : S3Result.ok(new ListVersionsResponse(out, true, Optional.of(last.key()),
                                    Optional.of(last.versionId()), max));
                }
                out.add(entry(key, versions.get(i), i == 0));
            }
        }
        return page(out, false, max);
    }

    private static S3Result<ListVersionsResponse> page(List<VersionEntry> out, boolean truncated, int max) {
        return S3Result.ok(new ListVersionsResponse(out, truncated, Optional.empty(), Optional.empty(), max));
    }

    private static VersionEntry entry(String key, KeyState.Current c, boolean latest) {
        if (c.slot() instanceof Slot.Version v) {
            return new VersionEntry(key, c.versionId(), latest, false, Optional.of(v.object().etag()),
                    v.object().size(), v.object().lastModified(), v.object().storageClass());
        }
        return new VersionEntry(key, c.versionId(), latest, true, Optional.empty(), 0,
                ((Slot.DeleteMarker) c.slot()).lastModified());
    }
}
