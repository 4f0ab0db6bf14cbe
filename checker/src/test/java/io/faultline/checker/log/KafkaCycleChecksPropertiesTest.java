package io.faultline.checker.log;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transactional checks on generated histories (FIDELITY C12.4): serial transactions show no
 * anomaly at all, and a planted ring of concurrent transactions is reported as exactly its cycle,
 * G1c (a bug) or G0 (allowed). Seeded by {@code -Dfaultline.seed}; each property prints its seed.
 */
class KafkaCycleChecksPropertiesTest {
    /** The transactional kinds Kafka allows; concurrency without transactions shows them too. */
    static final Set<AnomalyType> ALLOWED = EnumSet.of(AnomalyType.G0, AnomalyType.G1B, AnomalyType.G1C_WW,
            AnomalyType.G2);
    private static final KafkaLogChecker CHECKER = new KafkaLogChecker();
    private static final int PROCESSES = 4;

    /** One serial transaction: its process, whether it polls, and the keys it sends to. */
    record Step(int process, boolean polls, List<Long> keys) {
    }

    /** A serial run with a ring of {@code ring} transactions (0 for none) planted after step {@code at}. */
    record Case(List<Step> steps, int ring, boolean readRing, int at) {
    }

    private static final Gen<Step> STEPS = Gen.tuple(Gen.integers(0, PROCESSES - 1), Gen.booleans(),
            Gen.longs(0, TxnWorld.KEYS - 1).list(0, 3)).map(t -> new Step(t.first(), t.second(), t.third()));

    private static Gen<Case> cases(boolean planted, boolean readRing) {
        return Gen.tuple(STEPS.list(1, 40), Gen.integers(2, 5), Gen.integers(0, 40))
                .map(t -> new Case(t.first(), planted ? t.second() : 0, readRing,
                        Math.min(t.third(), t.first().size())));
    }

    /** Plays the case; returns the history and the processes of the ring. */
    private static History play(Case c, List<Integer> ringOut) {
        TxnWorld w = new TxnWorld();
        for (int i = 0; i <= c.steps().size(); i++) {
            if (i == c.at() && c.ring() > 0) {
                ringOut.addAll(w.ring(PROCESSES, c.ring(), c.readRing()));
            }
            if (i < c.steps().size()) {
                Step s = c.steps().get(i);
                w.serial(s.process(), s.polls(), s.keys());
            }
        }
        return w.finish(PROCESSES + 100);
    }

    @Test
    void serialTransactionsShowNoAnomaly() {
        Property.forAll(cases(false, false)).named("KafkaCycleChecksPropertiesTest[serial]").tries(200)
                .verify(c -> {
                    LogCheckResult r = CHECKER.check(play(c, new ArrayList<>()));
                    assertEquals(List.of(), r.anomalies());
                    assertEquals(Outcome.VALID, r.outcome());
                });
    }

    @Test
    void aPlantedWriteReadRingIsG1cAndInvalid() {
        ringIsFound(true, AnomalyType.G1C, Outcome.INVALID);
    }

    @Test
    void aPlantedWriteWriteRingIsG0AndAllowed() {
        ringIsFound(false, AnomalyType.G0, Outcome.VALID);
    }

    private static void ringIsFound(boolean readRing, AnomalyType kind, Outcome outcome) {
        Property.forAll(cases(true, readRing)).named("KafkaCycleChecksPropertiesTest[" + kind.keyword() + "]")
                .tries(200)
                .verify(c -> {
                    List<Integer> ring = new ArrayList<>();
                    LogCheckResult r = CHECKER.check(play(c, ring));
                    assertEquals(outcome, r.outcome(), r::summary);
                    assertOnlyTheRing(r, kind, ring);
                });
    }

    @Test
    void concurrentReadCommittedTransactionsShowOnlyAllowedKinds() {
        Property.forAll(Gen.integers(0, 10_000).list(1, 80)).named("KafkaCycleChecksPropertiesTest[read_committed]")
                .tries(300)
                .verify(choices -> {
                    TxnWorld w = new TxnWorld();
                    w.readCommitted(choices, PROCESSES);
                    LogCheckResult r = CHECKER.check(w.finish(PROCESSES + 100));
                    for (Anomaly a : r.anomalies()) {
                        assertTrue(ALLOWED.contains(a.type()), () -> "false alarm " + a);
                    }
                    assertEquals(Outcome.VALID, r.outcome(), r::summary);
                });
    }

    private static void assertOnlyTheRing(LogCheckResult r, AnomalyType kind, List<Integer> ring) {
        assertEquals(1, r.anomalies().size(), () -> "exactly one anomaly: " + r.anomalies());
        Anomaly a = r.anomalies().get(0);
        assertEquals(kind, a.type(), a::toString);
        Set<Integer> procs = new TreeSet<>();
        for (Op op : a.ops()) {
            procs.add(op.process());
        }
        assertEquals(new TreeSet<>(ring), procs, a::toString);
        assertTrue(a.detail().startsWith("#"), a::detail);
    }
}
