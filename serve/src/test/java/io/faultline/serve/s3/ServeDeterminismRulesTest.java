package io.faultline.serve.s3;

import io.faultline.sim.arch.DeterminismRules;
import org.junit.jupiter.api.Test;

/**
 * What runs inside the simulation (the gateway host, the judged history, the session's replay)
 * follows the simulator's determinism rules; the threads and the wall clock of the live server
 * stay in the top package ({@code LiveModel}, {@code S3Server}) and the HTTP layer.
 */
class ServeDeterminismRulesTest {
    @Test
    void theSimulatedSideFollowsTheDeterminismRules() {
        DeterminismRules.check("io.faultline.serve.s3.session");
    }
}
