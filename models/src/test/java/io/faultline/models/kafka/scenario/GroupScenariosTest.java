package io.faultline.models.kafka.scenario;

import io.faultline.checker.Outcome;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.sim.scenario.RunResult;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer-group scenarios show their behaviour and their fixed counterparts do not (FIDELITY C7.5). */
class GroupScenariosTest {
    @Test
    void autoCommitWithProcessingAfterTheCommitLosesTheCrashedMembersBatch() {
        RunResult lossy = KafkaScenariosTest.run(AutoCommitLossScenario.SCENARIO, 2);
        assertEquals(Outcome.INVALID, lossy.outcome());
        assertFalse(KafkaScenariosTest.anomalies(lossy).of(AnomalyType.GROUP_POLL_SKIP).isEmpty(), "the group skipped the batch (C7.5)");
        assertTrue(KafkaScenariosTest.anomalies(lossy).of(AnomalyType.LOST_WRITE).isEmpty(), "the log kept it: the reader outside the group read it");
        RunResult fixed = KafkaScenariosTest.run(AutoCommitLossScenario.SCENARIO, 2, "kafka.consumer.processing=before-commit");
        assertEquals(Outcome.VALID, fixed.outcome());
        assertTrue(KafkaScenariosTest.anomalies(fixed).of(AnomalyType.GROUP_POLL_SKIP).isEmpty());
    }

    @Test
    void aBatchSlowerThanMaxPollIntervalIsRedeliveredAndThatIsNoJepsenViolation() {
        RunResult slow = KafkaScenariosTest.run(RebalanceDuplicatesScenario.SCENARIO, 2);
        LogCheckResult a = KafkaScenariosTest.anomalies(slow);
        assertFalse(a.of(AnomalyType.GROUP_NONMONOTONIC_POLL).isEmpty(), "redelivered across the rebalance (C7.2)");
        assertEquals(Outcome.VALID, a.outcome(), "at-least-once allows redelivery (C7.7): " + a.summary());
        assertEquals(Outcome.INVALID, slow.outcome(), "the scenario's own exactly-once question shows it");
        RunResult fixed = KafkaScenariosTest.run(RebalanceDuplicatesScenario.SCENARIO, 2, "max.poll.interval.ms=300000");
        assertEquals(Outcome.VALID, fixed.outcome());
        assertTrue(KafkaScenariosTest.anomalies(fixed).of(AnomalyType.GROUP_NONMONOTONIC_POLL).isEmpty());
    }
}
