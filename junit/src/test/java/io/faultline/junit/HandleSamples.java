package io.faultline.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.faultline.faults.Trial;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;

/** Run by {@link HandleParameterTest} through EngineTestKit, not by Surefire (no Test suffix). */
class HandleSamples {
    /** A handle as a model's client would be: tied to one run's simulation. */
    record Probe(long seed, Simulation simulation) {
        Optional<String> bRestarted() {
            long inc = simulation.host("b").orElseThrow().incarnation();
            return inc == 1 ? Optional.empty() : Optional.of("b is in incarnation " + inc);
        }
    }

    /** Builds the crash-sensitive system and exposes a probe on it; the check is left to the method. */
    public static final class CrashSensitiveSetup implements SystemSetup {
        @Override
        public void setUp(Trial trial, Handles handles) {
            CrashSensitiveSystem.build(trial, List.of("crash", "pause"), false);
            handles.expose(Probe.class, new Probe(trial.seed(), trial.simulation()));
        }
    }

    @SimulationTest(seeds = 5, hooks = CrashSensitiveSetup.class)
    void eachSeedGetsTheHandleOfItsOwnRun(Trial trial, long seed, Probe probe) {
        assertEquals(seed, probe.seed());
        assertSame(trial.simulation(), probe.simulation());
    }

    @SimulationTest(seeds = 40, hooks = CrashSensitiveSetup.class)
    void checksThroughTheHandle(Trial trial, @Handle Probe probe) {
        trial.check("b never restarted", probe::bRestarted);
    }

    @SimulationTest(seeds = 1, hooks = CrashSensitiveSetup.class)
    void asksForAHandleNobodyExposed(Trial trial, @Handle StringBuilder missing) {
    }

    @SimulationTest(scenario = "demo/broadcast", seeds = 1, shrink = false)
    void asksACatalogScenarioForAHandle(@Handle Probe probe) {
    }
}
