package io.faultline.models.kafka.scenario;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.check.ExactlyOnce;
import io.faultline.sim.scenario.RunResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transaction scenarios show their behaviour and their fixed counterparts do not (FIDELITY C12.1, C12.5). */
class TransactionScenariosTest {
    private static long txns(RunResult r, OpType type) {
        long n = 0;
        for (Op op : r.history()) {
            if (op.f().equals(KafkaOps.TXN) && op.type() == type) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aReadUncommittedReaderReadsAbortedTransactionsAndAReadCommittedOneDoesNot() {
        RunResult dirty = KafkaScenariosTest.run(ReadCommittedScenario.SCENARIO, 2);
        assertEquals(Outcome.INVALID, dirty.outcome());
        assertFalse(KafkaScenariosTest.anomalies(dirty).of(AnomalyType.G1A).isEmpty(), "aborted reads (C12.5)");
        RunResult clean = KafkaScenariosTest.run(ReadCommittedScenario.SCENARIO, 2, "isolation.level=read_committed");
        assertEquals(Outcome.VALID, clean.outcome(), clean.checks().toString());
        assertTrue(txns(clean, OpType.FAIL) > 0, "transactions aborted");
        assertTrue(txns(clean, OpType.OK) > 0, "and committed; every committed record was read (no unseen)");
        assertTrue(KafkaScenariosTest.anomalies(clean).of(AnomalyType.UNSEEN).isEmpty(),
                "the hung transaction was aborted on timeout, so the last stable offset moved on (C12.2)");
    }

    @Test
    void aZombieWithoutTransactionalIdDuplicatesOutputAndOneWithItIsFenced() {
        RunResult zombie = KafkaScenariosTest.run(ZombieProducerScenario.SCENARIO, 2);
        assertEquals(Outcome.INVALID, zombie.outcome());
        assertTrue(zombie.checks().stream().anyMatch(c -> c.anomalyKinds().contains(ExactlyOnce.DUPLICATE_OUTPUT)));
        RunResult fenced = KafkaScenariosTest.run(ZombieProducerScenario.SCENARIO, 2, "transactional.id=job");
        assertEquals(Outcome.VALID, fenced.outcome(), fenced.checks().toString());
        assertTrue(txns(fenced, OpType.FAIL) >= 1, "the zombie's transaction failed: aborted and fenced (C12.1)");
    }
}
