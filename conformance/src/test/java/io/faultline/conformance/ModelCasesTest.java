package io.faultline.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The model side alone, fast: what each case predicts (the real side is in the *ConformanceTest classes). */
class ModelCasesTest {
    private static final long SEED = 42;

    private static CaseOutcome run(Workload w) {
        try (ModelDriver d = new ModelDriver(SEED, w)) {
            CaseOutcome o = CaseRunner.run(w, d);
            System.out.println("model seed " + SEED + " " + w.topic() + ": " + o.summary() + " notes " + o.notes());
            return o;
        }
    }

    @Test
    void noFaults() {
        CaseOutcome o = run(Cases.noFaults(3000));
        assertEquals(20, o.acked().size());
        assertEquals("VALID", o.verdict());
    }

    @Test
    void isrShrink() {
        CaseOutcome o = run(Cases.isrShrink(3000));
        System.out.println(o);
        assertEquals(1, o.smallestIsrSeen());
    }

    @Test
    void safeRestart() {
        CaseOutcome o = run(Cases.safeRestart(3000));
        assertEquals("VALID", o.verdict());
    }

    @Test
    void acksOne() {
        CaseOutcome o = run(Cases.acksOneFailover(10000));
        System.out.println(o);
    }
}
