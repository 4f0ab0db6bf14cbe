package io.faultline.models.kafka.rules;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** murmur2 and the producer's partitioners (FIDELITY C11.2). */
class PartitionerTest {

    @Test
    void murmur2MatchesThePublishedVectors() {
        // The vectors Kafka's own tests use for its murmur2.
        Map<String, Integer> vectors = new TreeMap<>(Map.of("21", -973932308, "foobar", -790332482,
                "a-little-bit-long-string", -985981536, "a-little-bit-longer-string", -1486304829,
                "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971, "abc", 479470107));
        vectors.forEach((s, h) -> assertEquals(h, Murmur2.hash(s.getBytes(StandardCharsets.UTF_8)), s));
    }

    @Test
    void aKeyAlwaysGoesToTheSamePartitionAndNegativeHashesArePositiveModulo() {
        Partitioner p = new Partitioner(7, 16384, true, bound -> 0);
        for (long key = 0; key < 100; key++) {
            int first = p.partition(key, 100);
            assertEquals(first, p.partition(key, 100));
            assertTrue(first >= 0 && first < 7);
            assertEquals((Murmur2.hash(Murmur2.longKey(key)) & 0x7fffffff) % 7, first);
        }
    }

    @Test
    void keylessRecordsStickUntilBatchSizeBytesThenMove() {
        int[] draws = {2, 0, 0};
        int[] i = {0};
        Partitioner p = new Partitioner(3, 300, true, bound -> draws[i[0]++]);
        List<Integer> got = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            got.add(p.partition(LogRecord.NO_KEY, 100));
        }
        // 2 for 300 bytes, then a draw among the others {0, 1}: 0, then among {1, 2}: 1.
        assertEquals(List.of(2, 2, 2, 0, 0, 0, 1), got);
    }

    @Test
    void keylessRecordsGoRoundRobinBefore24() {
        Partitioner p = new Partitioner(3, 300, false, bound -> 1);
        List<Integer> got = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            got.add(p.partition(LogRecord.NO_KEY, 100));
        }
        assertEquals(List.of(1, 2, 0, 1), got);
        assertNotEquals(got.get(0), got.get(1));
    }
}
