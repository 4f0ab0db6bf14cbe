package io.faultline.models.s3.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.response.ListEntry;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** FIDELITY A5: ListObjectsV2. */
class ListerTest {

    private static TreeMap<String, ListEntry> bucket(String... keys) {
        TreeMap<String, ListEntry> m = new TreeMap<>(Keys.ORDER);
        for (String k : keys) {
            m.put(k, new ListEntry(k, Body.of(k).etag(), k.length(), 0));
        }
        return m;
    }

    private static ListObjectsV2Response list(TreeMap<String, ListEntry> b, ListObjectsV2Request r) {
        return Lister.list(b, r).orThrow();
    }

    @Test
    void prefixSelectsKeysThatBeginWithIt_A5() {
        var b = bucket("a/1", "a/2", "ab", "b/1");
        assertEquals(List.of("a/1", "a/2"), list(b, ListObjectsV2Request.all().withPrefix("a/")).keys());
    }

    @Test
    void delimiterRollsUpCommonPrefixesEachCountingAsOneItem_A5() {
        var b = bucket("photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "photos/index.html", "readme");
        ListObjectsV2Response r = list(b, ListObjectsV2Request.all().withPrefix("photos/").withDelimiter("/"));
        assertEquals(List.of("photos/2024/", "photos/2025/"), r.commonPrefixes());
        assertEquals(List.of("photos/index.html"), r.keys());
        assertEquals(3, r.keyCount());
        ListObjectsV2Response top = list(b, ListObjectsV2Request.all().withDelimiter("/"));
        assertEquals(List.of("photos/"), top.commonPrefixes());
        assertEquals(List.of("readme"), top.keys());
        ListObjectsV2Response two = list(b, ListObjectsV2Request.all().withPrefix("photos/").withDelimiter("/").withMaxKeys(2));
        assertEquals(2, two.keyCount());
        assertTrue(two.isTruncated());
    }

    @Test
    void noCommonPrefixesWithoutDelimiter_A5() {
        var b = bucket("a/1", "a/2");
        assertTrue(list(b, ListObjectsV2Request.all()).commonPrefixes().isEmpty());
    }

    @Test
    void maxKeysDefaultsAndCapsAt1000_A5() {
        String[] keys = new String[1500];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = String.format("k%05d", i);
        }
        var b = bucket(keys);
        assertEquals(1000, list(b, ListObjectsV2Request.all()).keyCount());
        assertEquals(1000, list(b, ListObjectsV2Request.all().withMaxKeys(5000)).keyCount());
        assertEquals(S3Error.INVALID_ARGUMENT,
                Lister.list(b, ListObjectsV2Request.all().withMaxKeys(-1)).failureOrThrow().error());
    }

    @Test
    void continuationTokensPageThroughEverythingExactlyOnce_A5() {
        var b = bucket("a", "b/1", "b/2", "c", "d/x/y", "e");
        List<String> seen = new ArrayList<>();
        ListObjectsV2Request r = ListObjectsV2Request.all().withDelimiter("/").withMaxKeys(2);
        int pages = 0;
        while (true) {
            ListObjectsV2Response page = list(b, r);
            assertEquals(page.isTruncated(), page.nextContinuationToken().isPresent());
            assertTrue(page.keyCount() <= 2);
            seen.addAll(page.keys());
            seen.addAll(page.commonPrefixes());
            pages++;
            if (!page.isTruncated()) {
                break;
            }
            assertFalse(page.nextContinuationToken().get().contains("b/"), "token is opaque, not a key");
            r = r.withContinuationToken(page.nextContinuationToken().get());
        }
        seen.sort(Keys.ORDER);
        assertEquals(List.of("a", "b/", "c", "d/", "e"), seen);
        assertEquals(3, pages);
    }

    @Test
    void badContinuationTokenIsInvalidArgument_A5() {
        var b = bucket("a");
        assertEquals(400, Lister.list(b, ListObjectsV2Request.all().withContinuationToken("%%%"))
                .failureOrThrow().status());
    }

    @Test
    void startAfterSkipsKeysAndCommonPrefixesNotGreater_A5() {
        var b = bucket("a/1", "a/2", "b", "c/1");
        assertEquals(List.of("b"), list(b, ListObjectsV2Request.all().withStartAfter("a/1").withDelimiter("/")).keys());
        assertEquals(List.of("c/"), list(b, ListObjectsV2Request.all().withStartAfter("a/1").withDelimiter("/"))
                .commonPrefixes());
        assertEquals(List.of("a/2", "b", "c/1"), list(b, ListObjectsV2Request.all().withStartAfter("a/1")).keys());
        assertEquals(List.of("c/1"), list(b, ListObjectsV2Request.all().withStartAfter("bz")).keys());
    }

    @Test
    void resultsComeInUtf8BinaryOrder_A5() {
        String astral = new String(Character.toChars(0x1F600));
        var b = bucket(astral, "\uFF21", "z");
        assertEquals(List.of("z", "\uFF21", astral), list(b, ListObjectsV2Request.all()).keys());
    }

    @Test
    void keysWithoutCurrentObjectAreHiddenAndFormNoPrefix_A5() {
        TreeMap<String, Optional<ListEntry>> m = new TreeMap<>(Keys.ORDER);
        m.put("gone/1", Optional.empty());
        m.put("live", Optional.of(new ListEntry("live", "e", 1, 0)));
        ListObjectsV2Response r = Lister.list(m, (k, v) -> v, ListObjectsV2Request.all().withDelimiter("/")).orThrow();
        assertEquals(List.of("live"), r.keys());
        assertTrue(r.commonPrefixes().isEmpty());
    }
}
