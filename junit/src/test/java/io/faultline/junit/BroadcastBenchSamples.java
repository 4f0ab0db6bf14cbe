package io.faultline.junit;

import io.faultline.sim.scenario.RunResult;

/**
 * 1,000 seeds of demo/broadcast, measured by {@link BroadcastThousandSeedsMeasure} (bench/README.md);
 * neither is run by Surefire unless named with -Dtest.
 */
class BroadcastBenchSamples {
    @SimulationTest(scenario = "demo/broadcast", seeds = 1000, stopAtFirstFailure = false, shrink = false)
    void broadcast(RunResult result) {
    }
}
