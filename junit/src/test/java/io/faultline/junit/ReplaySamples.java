package io.faultline.junit;

import io.faultline.faults.FaultSchedule;
import io.faultline.faults.Trial;
import java.util.List;

/** Run by {@link SimulationExtensionTest} through EngineTestKit. */
class ReplaySamples {
    static FaultSchedule seen;

    @Replay(seed = 5, faults = "@100ms pause host:a for 10ms; @300ms crash host:b for 20ms")
    @SimulationTest(seeds = 1000, shrink = false)
    void replayed(Trial trial, FaultSchedule schedule) {
        seen = schedule;
        CrashSensitiveSystem.build(trial, List.of("crash"));
    }

    @Replay(seed = 5, faults = "@100ms crsh host:b")
    @SimulationTest
    void badReplay(Trial trial) {
        CrashSensitiveSystem.build(trial, List.of("crash"));
    }
}
