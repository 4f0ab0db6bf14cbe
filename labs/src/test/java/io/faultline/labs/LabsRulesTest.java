package io.faultline.labs;

import io.faultline.sim.arch.DeterminismRules;
import org.junit.jupiter.api.Test;

/**
 * A lab's harness and the backends its students use run inside the simulation, so they follow the
 * simulator's determinism rules (the same sources always get the same grade). The grader itself
 * ({@code io.faultline.labs.grade}) runs outside it and may use threads and the wall clock.
 */
class LabsRulesTest {

    @Test
    void labHarnessesFollowTheDeterminismRules() {
        DeterminismRules.check("io.faultline.labs.s3ryw");
        DeterminismRules.check("io.faultline.labs.glacier");
        DeterminismRules.check("io.faultline.labs.replog");
        DeterminismRules.check("io.faultline.labs.kafkas3");
    }
}
