package io.faultline.faults;

import io.faultline.sim.arch.DeterminismRules;
import org.junit.jupiter.api.Test;

/** The nemesis runs inside the simulator: the kernel's determinism rules (docs: architecture.adoc) apply to it. */
class DeterminismRulesTest {
    @Test
    void faultsFollowTheDeterminismRules() {
        DeterminismRules.check("io.faultline.faults");
    }
}
