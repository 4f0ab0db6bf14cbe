package io.faultline.models.s3.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.Keys;
import io.faultline.models.s3.api.response.ListVersionsResponse;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.VersionEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** ListObjectVersions paging (FIDELITY A5: max-keys 1,000; A6.2: versions newest first per key). */
class VersionPagingTest {
    private static KeyState versions(String prefix, int n, int from) {
        KeyState s = KeyState.EMPTY;
        for (int i = 0; i < n; i++) {
            Stamp st = new Stamp(from + i, 0, i);
            s = s.merge(prefix + (from + i), new Slot.Version(st, StoredObject.single(Body.of("v" + i), i)));
        }
        return s;
    }

    private static ListVersionsResponse page(TreeMap<String, KeyState> keys, int max, Optional<String> km,
                                             Optional<String> vm) {
        return VersionLister.list(keys, "", max, km, vm).orThrow();
    }

    @Test
    void a1001VersionKeyListsInTwoPages_A5() {
        TreeMap<String, KeyState> keys = new TreeMap<>(Keys.ORDER);
        keys.put("k", versions("v", 1001, 0));
        ListVersionsResponse first = page(keys, 1000, Optional.empty(), Optional.empty());
        assertEquals(1000, first.versions().size());
        assertTrue(first.isTruncated());
        assertEquals(Optional.of("k"), first.nextKeyMarker());
        assertEquals(Optional.of("v1"), first.nextVersionIdMarker(), "newest first: v1000 down to v1");
        assertTrue(first.versions().get(0).isLatest());
        ListVersionsResponse second = page(keys, 1000, first.nextKeyMarker(), first.nextVersionIdMarker());
        assertEquals(List.of("v0"), second.versions().stream().map(VersionEntry::versionId).toList());
        assertFalse(second.isTruncated());
        assertFalse(second.versions().get(0).isLatest());
        assertEquals(Optional.empty(), second.nextKeyMarker());
    }

    @Test
    void pagesAcrossKeysVisitEveryVersionOnce_A5_A6_2() {
        TreeMap<String, KeyState> keys = new TreeMap<>(Keys.ORDER);
        keys.put("a", versions("a", 3, 0));
        keys.put("b", versions("b", 2, 10));
        keys.put("c", versions("c", 4, 20));
        List<String> seen = new ArrayList<>();
        ListVersionsResponse p = page(keys, 2, Optional.empty(), Optional.empty());
        int pages = 1;
        p.versions().forEach(v -> seen.add(v.key() + "/" + v.versionId()));
        while (p.isTruncated()) {
            p = page(keys, 2, p.nextKeyMarker(), p.nextVersionIdMarker());
            p.versions().forEach(v -> seen.add(v.key() + "/" + v.versionId()));
            pages++;
        }
        assertEquals(List.of("a/a2", "a/a1", "a/a0", "b/b11", "b/b10", "c/c23", "c/c22", "c/c21", "c/c20"), seen);
        assertEquals(5, pages);
        // key-marker alone skips every version of that key.
        assertEquals("c", page(keys, 1000, Optional.of("b"), Optional.empty()).versions().get(0).key());
        // max-keys above 1,000 is capped (A5).
        assertEquals(1000, page(keys, 5000, Optional.empty(), Optional.empty()).maxKeys());
    }

    @Test
    void aVersionIdMarkerNeedsAKeyMarker() {
        S3Result<ListVersionsResponse> r = VersionLister.list(new TreeMap<>(Keys.ORDER), "", 10, Optional.empty(),
                Optional.of("v1"));
        assertEquals(400, r.failureOrThrow().status());
    }
}
