package io.faultline.checker.log;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consumer-group anomalies over the processes that subscribed (FIDELITY C7.7). */
class GroupChecksTest {
    private final KafkaLogChecker checker = new KafkaLogChecker();

    /** Values 10..13 at offsets 0..3 of key 1, members 1 and 2 subscribed, reader 3 outside the group. */
    private static KafkaHistories written() {
        return new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).send(0, 1, 12, 2).send(0, 1, 13, 3)
                .assign(1, KafkaOps.SUBSCRIBE, 1).assign(2, KafkaOps.SUBSCRIBE, 1);
    }

    @Test
    void aRecordHandedToTwoMembersIsARedeliveryThatAtLeastOnceAllows() {
        // Member 1 reads 10, 11 and is evicted before committing 11; member 2 starts again at 11.
        History h = written().poll(1, 1, 0, 10, 1, 11).poll(2, 1, 1, 11, 2, 12, 3, 13).build();
        LogCheckResult r = checker.check(h);
        assertEquals(Outcome.VALID, r.outcome(), r.anomalies().toString());
        assertEquals(List.of(Value.of(11)), r.of(AnomalyType.GROUP_NONMONOTONIC_POLL).get(0).values());
    }

    @Test
    void aRecordInTheLogThatNoMemberWasHandedIsAGroupSkip() {
        // Member 1 committed past 11 before processing it and crashed; member 2 starts at 12.
        // The reader outside the group shows 11 is in the log: the group skipped it, the log kept it.
        History h = written().poll(1, 1, 0, 10).poll(2, 1, 2, 12, 3, 13)
                .assign(3, KafkaOps.ASSIGN, 1).poll(3, 1, 0, 10, 1, 11, 2, 12, 3, 13).build();
        LogCheckResult r = checker.check(h);
        assertEquals(Outcome.INVALID, r.outcome());
        assertEquals(List.of(Value.of(11)), r.of(AnomalyType.GROUP_POLL_SKIP).get(0).values());
        assertTrue(r.of(AnomalyType.LOST_WRITE).isEmpty(), r.anomalies().toString());
    }

    @Test
    void aValueNobodyReadIsLeftToLostWrite() {
        History h = written().poll(1, 1, 0, 10).poll(2, 1, 2, 12, 3, 13).build();
        LogCheckResult r = checker.check(h);
        assertTrue(r.of(AnomalyType.GROUP_POLL_SKIP).isEmpty(), r.anomalies().toString());
        assertEquals(List.of(Value.of(11)), r.of(AnomalyType.LOST_WRITE).get(0).values());
    }

    @Test
    void readersThatOnlyAssignAreNoGroup() {
        History h = written().assign(3, KafkaOps.ASSIGN, 1).poll(3, 1, 0, 10, 1, 11).poll(4, 1, 0, 10, 1, 11).build();
        LogCheckResult r = checker.check(h);
        assertTrue(r.of(AnomalyType.GROUP_NONMONOTONIC_POLL).isEmpty());
        assertTrue(r.of(AnomalyType.GROUP_POLL_SKIP).isEmpty());
    }
}
