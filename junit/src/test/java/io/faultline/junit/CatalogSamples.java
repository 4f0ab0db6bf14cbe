package io.faultline.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.faults.FaultSchedule;
import io.faultline.sim.scenario.RunResult;

/** Run by {@link SimulationExtensionTest} through EngineTestKit. */
class CatalogSamples {
    @SimulationTest(scenario = "demo/echo", seeds = 3, duration = "5s")
    void echoes(RunResult result, FaultSchedule schedule, long seed) {
        assertEquals("demo/echo", result.scenario());
        assertEquals(seed, result.seed());
        assertTrue(result.outcome() != Outcome.INVALID, result.checks().toString());
        assertTrue(!schedule.isEmpty());
    }

    @SimulationTest(scenario = "demo/nope", seeds = 3)
    void unknownScenario(RunResult result) {
    }

    static final java.util.List<SeedFailure> heard = new java.util.ArrayList<>();

    /** Only pauses, on the echo server: every seed's schedule says so. */
    public static final class PausesOnly implements FaultSpaceFactory {
        @Override
        public io.faultline.faults.FaultSpace faultSpace(io.faultline.sim.scenario.Scenario scenario,
                io.faultline.sim.scenario.RunSpec spec) {
            return io.faultline.faults.FaultSpace.of(spec.durationNanos() / 2,
                    java.util.List.of(new io.faultline.faults.Target.Host("server"))).withKinds(java.util.List.of("pause"));
        }
    }

    public static final class Remember implements SeedFailureListener {
        @Override
        public void seedFailed(SeedFailure failure, org.junit.jupiter.api.extension.ExtensionContext context) {
            heard.add(failure);
        }
    }

    @SimulationTest(scenario = "demo/echo", seeds = 4, duration = "3s", shrink = false, hooks = {PausesOnly.class, Remember.class})
    void pausesOnlyAndEveryFailureHeard(FaultSchedule schedule) {
        for (io.faultline.faults.FaultEvent e : schedule.events()) {
            assertTrue(e.render().contains(" pause host:server"), e.render());
        }
        throw new AssertionError("fails on purpose");
    }

    static final java.util.Map<Long, String> hashes = new java.util.TreeMap<>();

    @SimulationTest(scenario = "demo/broadcast", seeds = 12, duration = "4s", stopAtFirstFailure = false, shrink = false)
    void broadcastHashes(RunResult result) {
        synchronized (hashes) {
            hashes.put(result.seed(), result.traceHash());
        }
    }

    @SimulationTest(scenario = "demo/echo", seeds = 1, duration = "2s", settings = "clients=4")
    void alwaysFails(RunResult result) {
        throw new AssertionError("whatever the configuration");
    }

    static RunResult replayedResult;

    @Replay(seed = 1, faults = "", settings = {"clients=1"})
    @SimulationTest(scenario = "demo/echo", duration = "2s", settings = "clients=4")
    void replayWithSmallerSettings(RunResult result) {
        replayedResult = result;
    }
}
