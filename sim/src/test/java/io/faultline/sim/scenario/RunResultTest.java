package io.faultline.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.sim.Bounds;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Invariant;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunResultTest {
    private static final RunSpec SPEC = new RunSpec(1, Simulation.SECONDS, Settings.defaults(List.of()));

    private static Simulation ticking(Bounds bounds) {
        Simulation sim = new Simulation(1, bounds);
        for (int i = 1; i <= 100; i++) {
            sim.at(i * Simulation.MILLIS, "tick", () -> { });
        }
        return sim;
    }

    @Test
    void theOutcomeCombinesTheChecks() {
        Simulation sim = ticking(Bounds.DEFAULT);
        RunStatus status = sim.run(SPEC.durationNanos());
        RunResult ok = RunResult.builder("t/x", SPEC, sim).status(status)
                .check(CheckResult.valid("a", "fine")).build();
        assertEquals(Outcome.VALID, ok.outcome());
        assertEquals(100, ok.eventCount());
        assertEquals(Simulation.SECONDS, ok.simulatedNanos());
        RunResult bad = RunResult.builder("t/x", SPEC, sim).status(status)
                .check(CheckResult.valid("a", "fine")).check(CheckResult.invalid("b", "broken")).build();
        assertEquals(Outcome.INVALID, bad.outcome());
        assertEquals(Outcome.UNKNOWN, RunResult.builder("t/x", SPEC, sim).status(status).build().outcome());
    }

    @Test
    void aBoundMakesTheRunUnknown() {
        Simulation sim = ticking(new Bounds(10, Simulation.DAYS));
        RunStatus status = sim.run(SPEC.durationNanos());
        RunResult r = RunResult.builder("t/x", SPEC, sim).status(status).check(CheckResult.valid("a", "fine")).build();
        assertEquals(RunStatus.EVENT_BOUND, r.status());
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.checks().get(1).detail().contains("EVENT_BOUND"), r.checks().toString());
    }

    @Test
    void anInvariantViolationMakesTheRunInvalid() {
        Simulation sim = ticking(Bounds.DEFAULT);
        sim.addInvariant(Invariant.of("before 50 ms", s -> s.now() < 50 * Simulation.MILLIS));
        RunStatus status = sim.run(SPEC.durationNanos());
        RunResult r = RunResult.builder("t/x", SPEC, sim).status(status).check(CheckResult.valid("a", "fine")).build();
        assertEquals(Outcome.INVALID, r.outcome());
        assertEquals("invariant before 50 ms", r.checks().get(1).name());
        assertEquals(50, r.eventCount());
    }
}
