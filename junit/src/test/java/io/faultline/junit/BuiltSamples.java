package io.faultline.junit;

import io.faultline.faults.Trial;
import java.util.List;

/** Run by {@link SimulationExtensionTest} through EngineTestKit, not by Surefire (no Test suffix). */
class BuiltSamples {
    @SimulationTest(seeds = 40)
    void crashesBreakIt(Trial trial) {
        CrashSensitiveSystem.build(trial, List.of("crash", "pause", "partition", "clock-jump"));
    }

    @SimulationTest(seeds = 25)
    void pausesDoNot(Trial trial) {
        CrashSensitiveSystem.build(trial, List.of("pause", "partition"));
    }
}
