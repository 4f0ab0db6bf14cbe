package io.faultline.checker.log;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each anomaly of Jepsen's Kafka catalog (FIDELITY C10) on the smallest history that shows it. */
class KafkaLogCheckerTest {
    private final KafkaLogChecker checker = new KafkaLogChecker();

    @Test
    void aCleanHistoryIsValid() {
        History h = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1)
                .poll(1, 1, 0, 10).poll(1, 1, 1, 11).build();
        LogCheckResult r = checker.check(h);
        assertEquals(Outcome.VALID, r.outcome(), r.anomalies().toString());
        assertTrue(r.anomalies().isEmpty());
    }

    @Test
    void acknowledgedValueBelowAReadOneButNeverReadIsALostWrite() {
        // KIP-101 scenario 1 seen by clients: offset 1 acknowledged, then offset 1 reused.
        History h = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).send(0, 1, 12, 1)
                .poll(1, 1, 0, 10, 1, 12).build();
        LogCheckResult r = checker.check(h);
        assertEquals(Outcome.INVALID, r.outcome());
        List<Anomaly> lost = r.of(AnomalyType.LOST_WRITE);
        assertEquals(1, lost.size(), r.anomalies().toString());
        assertEquals(List.of(Value.of(11)), lost.get(0).values());
        assertEquals(1, r.of(AnomalyType.INCONSISTENT_OFFSETS).size());
    }

    @Test
    void acknowledgedValueAboveEveryReadIsUnseenNotLost() {
        History h = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).poll(1, 1, 0, 10).build();
        LogCheckResult r = checker.check(h);
        assertTrue(r.of(AnomalyType.LOST_WRITE).isEmpty());
        assertEquals(List.of(Value.of(11)), r.of(AnomalyType.UNSEEN).get(0).values());
        assertEquals(Outcome.INVALID, r.outcome(), "unseen is not an allowed error type (C10)");
    }

    @Test
    void failedAndUnprovenInfoSendsAreNotLost() {
        History h = new KafkaHistories().send(0, 1, 10, 0).sendFailed(0, 1, 11).sendInfo(2, 1, 12)
                .send(0, 1, 13, 1).poll(1, 1, 0, 10, 1, 13).build();
        assertEquals(Outcome.VALID, checker.check(h).outcome());
    }

    @Test
    void readingAFailedSendIsAnAbortedRead() {
        History h = new KafkaHistories().sendFailed(0, 1, 11).poll(1, 1, 0, 11).build();
        LogCheckResult r = checker.check(h);
        assertEquals(1, r.of(AnomalyType.G1A).size());
        assertEquals(Outcome.INVALID, r.outcome());
    }

    @Test
    void valueAtTwoOffsetsIsADuplicate() {
        History h = new KafkaHistories().send(0, 1, 10, 0).poll(1, 1, 0, 10, 1, 10).build();
        LogCheckResult r = checker.check(h);
        assertEquals(1, r.of(AnomalyType.DUPLICATE).size());
        assertEquals(1, r.of(AnomalyType.INT_NONMONOTONIC_POLL).size());
    }

    @Test
    void twoValuesAtOneOffsetAreInconsistentOffsets() {
        History h = new KafkaHistories().send(0, 1, 10, 0).poll(1, 1, 0, 20).build();
        LogCheckResult r = checker.check(h);
        Anomaly a = r.of(AnomalyType.INCONSISTENT_OFFSETS).get(0);
        assertEquals(2, a.values().size());
        assertEquals(Outcome.INVALID, r.outcome());
    }

    @Test
    void skippingBetweenPollsIsAllowedOnlyUnderSubscribe() {
        KafkaHistories base = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).send(0, 1, 12, 2)
                .poll(2, 1, 0, 10, 1, 11, 2, 12);
        History assigned = base.assign(1, "assign", 1).poll(1, 1, 0, 10).poll(1, 1, 2, 12).build();
        LogCheckResult r = checker.check(assigned);
        assertEquals(1, r.of(AnomalyType.POLL_SKIP).size());
        assertTrue(r.of(AnomalyType.POLL_SKIP).get(0).detail().contains("[11]"));
        assertEquals(Outcome.INVALID, r.outcome());

        History subscribed = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).send(0, 1, 12, 2)
                .poll(2, 1, 0, 10, 1, 11, 2, 12)
                .assign(1, "subscribe", 1).poll(1, 1, 0, 10).poll(1, 1, 2, 12).build();
        LogCheckResult s = checker.check(subscribed);
        assertEquals(1, s.of(AnomalyType.POLL_SKIP).size());
        assertEquals(Outcome.VALID, s.outcome(), s.anomalies().toString());
    }

    /**
     * A history with a group does not excuse a consumer that assigned itself its partitions: no
     * rebalance can explain its skip. A member's skip over what another member was handed stays allowed.
     */
    @Test
    void aSubscribingGroupDoesNotExcuseASkipByAConsumerThatAssignedItself() {
        History mixed = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).send(0, 1, 12, 2)
                .assign(3, "subscribe", 1).poll(3, 1, 0, 10, 1, 11, 2, 12)
                .assign(1, "assign", 1).poll(1, 1, 0, 10).poll(1, 1, 2, 12).build();
        LogCheckResult r = checker.check(mixed);
        assertTrue(r.subscribe());
        assertEquals(1, r.of(AnomalyType.POLL_SKIP).size());
        assertEquals(Outcome.INVALID, r.outcome(), r.anomalies().toString());

        History memberSkips = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).send(0, 1, 12, 2)
                .assign(1, "assign", 1).poll(1, 1, 0, 10, 1, 11, 2, 12)
                .assign(3, "subscribe", 1).poll(3, 1, 0, 10).poll(3, 1, 2, 12)
                .assign(4, "subscribe", 1).poll(4, 1, 1, 11).build();
        LogCheckResult m = checker.check(memberSkips);
        assertEquals(1, m.of(AnomalyType.POLL_SKIP).size());
        assertEquals(Outcome.VALID, m.outcome(), m.anomalies().toString());
    }

    @Test
    void rereadingAcrossPollsIsNonmonotonic() {
        History h = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1)
                .poll(1, 1, 0, 10, 1, 11).poll(1, 1, 1, 11).build();
        assertEquals(1, checker.check(h).of(AnomalyType.NONMONOTONIC_POLL).size());
    }

    @Test
    void reassigningAwayFromAKeyForgetsWhereThePollerWas() {
        History h = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1)
                .poll(1, 1, 0, 10, 1, 11).assign(1, "assign", 2).assign(1, "assign", 1)
                .poll(1, 1, 0, 10).poll(1, 1, 1, 11).build();
        assertTrue(checker.check(h).of(AnomalyType.NONMONOTONIC_POLL).isEmpty());
    }

    @Test
    void skippingWithinOnePollIsIntPollSkip() {
        History h = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).send(0, 1, 12, 2)
                .poll(2, 1, 1, 11).poll(1, 1, 0, 10, 2, 12).build();
        LogCheckResult r = checker.check(h);
        Anomaly a = r.of(AnomalyType.INT_POLL_SKIP).get(0);
        assertEquals(List.of(Value.of(10), Value.of(12)), a.values());
        assertTrue(a.detail().contains("[11]"), a.detail());
    }

    @Test
    void aLaterSendOfOneProcessLandingEarlierIsNonmonotonicSend() {
        History h = new KafkaHistories().send(0, 1, 10, 1).send(0, 1, 11, 0)
                .poll(1, 1, 0, 11, 1, 10).build();
        LogCheckResult r = checker.check(h);
        assertEquals(1, r.of(AnomalyType.NONMONOTONIC_SEND).size());
        assertEquals(Outcome.INVALID, r.outcome());
    }

    @Test
    void sendsWithinOneOpInterleavedByOthersAreAllowedButBackwardsIsNot() {
        History skip = new KafkaHistories().sendTwo(0, 1, 10, 0, 12, 2).send(1, 1, 11, 1)
                .poll(2, 1, 0, 10, 1, 11, 2, 12).build();
        LogCheckResult r = checker.check(skip);
        assertEquals(1, r.of(AnomalyType.INT_SEND_SKIP).size());
        assertEquals(Outcome.VALID, r.outcome(), r.anomalies().toString());

        History back = new KafkaHistories().sendTwo(0, 1, 10, 1, 12, 0).poll(2, 1, 0, 12, 1, 10).build();
        assertEquals(1, checker.check(back).of(AnomalyType.INT_NONMONOTONIC_SEND).size());
    }

    @Test
    void anInfoSendProvenVisibleCountsAsCommitted() {
        // 12's outcome was unknown, but a poll saw it, so 11 below it must have been read too.
        History h = new KafkaHistories().send(0, 1, 10, 0).send(0, 1, 11, 1).sendInfo(2, 1, 12)
                .poll(1, 1, 0, 10, 2, 12).build();
        LogCheckResult r = checker.check(h);
        assertEquals(List.of(Value.of(11)), r.of(AnomalyType.LOST_WRITE).get(0).values());
    }

    @Test
    void everyAnomalyHasAKeywordAndAnExplanation() {
        for (AnomalyType t : AnomalyType.values()) {
            assertTrue(!t.keyword().isBlank() && !t.explanation().isBlank(), t.name());
        }
        assertTrue(AnomalyType.INT_SEND_SKIP.allowed(false));
        assertTrue(!AnomalyType.LOST_WRITE.allowed(true));
    }
}
