package io.faultline.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What the model predicts for the consumer-group cases, without a real cluster (fast): the
 * predictions the conformance tests then hold the real cluster to.
 */
class ModelGroupCasesTest {
    private static List<Long> values(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void aLeavingMembersPartitionGoesToTheRangeAssignorsNextOwnerAndResumesAtItsCommit() {
        GroupOutcome o = Conformance.model(GroupCases.memberLeaves(3000));
        assertEquals(List.of(Map.of(0, "m1", 1, "m1", 2, "m2", 3, "m3"), Map.of(0, "m1", 1, "m1", 2, "m2", 3, "m2")),
                o.assignments(), o.notes().toString());
        // Partition 3 holds 4, 8, ...: m3 had those of the first 20, m2 those of the last 20.
        assertEquals(List.of(4L, 8L, 12L, 16L, 20L), o.deliveries().get("m3"));
        assertEquals(List.of(), o.duplicates());
        assertEquals(List.of(), o.lost());
        assertEquals(Map.of(0, 10L, 1, 10L, 2, 10L, 3, 10L), o.committed().get(1));
        assertEquals(List.of(), o.notes());
    }

    @Test
    void aNewMemberResumesAtTheOffsetsCommittedBeforeTheCoordinatorRestarted() {
        GroupOutcome o = Conformance.model(GroupCases.coordinatorRestart(3000));
        assertEquals(values(1, 20), o.deliveries().get("m1").stream().sorted().toList());
        assertEquals(values(21, 40), o.deliveries().get("m2").stream().sorted().toList());
        assertEquals(List.of(Map.of(0, 5L, 1, 5L, 2, 5L, 3, 5L), Map.of(0, 10L, 1, 10L, 2, 10L, 3, 10L)), o.committed());
        assertEquals(List.of(), o.notes());
    }

    @Test
    void sameSeedSameOutcome() {
        GroupCase c = GroupCases.memberLeaves(3000);
        assertEquals(Conformance.model(c), Conformance.model(c));
    }
}
