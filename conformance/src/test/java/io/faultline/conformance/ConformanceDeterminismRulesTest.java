package io.faultline.conformance;

import io.faultline.sim.arch.DeterminismRules;
import org.junit.jupiter.api.Test;

/**
 * The model side of the conformance driver (main code: steps, runner, model driver and client)
 * follows the simulator's determinism rules; the real side lives in the tests, in wall time.
 */
class ConformanceDeterminismRulesTest {
    @Test
    void theModelSideFollowsTheDeterminismRules() {
        DeterminismRules.check("io.faultline.conformance");
    }
}
