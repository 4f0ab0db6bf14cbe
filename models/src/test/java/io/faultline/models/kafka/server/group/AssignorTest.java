package io.faultline.models.kafka.server.group;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The assignors of FIDELITY C7.3. */
class AssignorTest {
    @Test
    void rangeGivesContiguousRangesAndTheFirstMembersOneMore() {
        assertEquals(Map.of("a", List.of(0, 1, 2), "b", List.of(3, 4)), Assignor.range(List.of("a", "b"), 5));
        assertEquals(Map.of("a", List.of(0), "b", List.of(1), "c", List.of()), Assignor.range(List.of("a", "b", "c"), 2));
    }

    @Test
    void stickyKeepsWhatBalanceAllowsAndMovesOnlyTheRest() {
        // b joins a group where a held all four partitions: a keeps two of its own, b gets the other two.
        Map<String, List<Integer>> out = Assignor.sticky(List.of("a", "b"), Map.of("a", List.of(0, 1, 2, 3)), 4);
        assertEquals(Map.of("a", List.of(0, 1), "b", List.of(2, 3)), out);
        // Nothing moves when the owners are already balanced.
        Map<String, List<Integer>> owned = Map.of("a", List.of(1, 3), "b", List.of(0, 2));
        assertEquals(owned, Assignor.sticky(List.of("a", "b"), owned, 4));
    }

    @Test
    void stickyHandsAGoneMembersPartitionsToTheLeastLoaded() {
        Map<String, List<Integer>> owned = Map.of("a", List.of(0), "b", List.of(1), "c", List.of(2));
        assertEquals(Map.of("a", List.of(0, 2), "b", List.of(1)), Assignor.sticky(List.of("a", "b"), owned, 3));
    }
}
