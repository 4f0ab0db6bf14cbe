package io.faultline.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.faultline.faults.FaultEvent;
import io.faultline.faults.ScheduleJson;
import io.faultline.faults.ScheduleText;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class SimulationExtensionTest {

    private static Events run(Class<?> type, String method) {
        return execute(type, method).testEvents();
    }

    private static org.junit.platform.testkit.engine.EngineExecutionResults execute(Class<?> type, String name) {
        java.lang.reflect.Method m = java.util.Arrays.stream(type.getDeclaredMethods())
                .filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(type, m)).execute();
    }

    private static Throwable failure(Event e) {
        return e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void aFailingSeedIsReportedWithItsShrunkScheduleAndTheReplayAnnotation() throws Exception {
        Events events = run(BuiltSamples.class, "crashesBreakIt");
        List<Event> failed = events.failed().list();
        assertEquals(1, failed.size(), "the run stops at the first failing seed");
        String name = failed.get(0).getTestDescriptor().getDisplayName();
        assertTrue(name.matches("seed \\d+"), name);
        long seed = Long.parseLong(name.substring(5));
        assertEquals(seed, events.started().count(), "seeds 1.." + seed + " ran, then it stopped");
        assertEquals(seed - 1, events.succeeded().count());

        SimulationFailure f = assertInstanceOf(SimulationFailure.class, failure(failed.get(0)));
        SeedFailure sf = f.failure();
        assertEquals(seed, sf.seed());
        assertEquals("b never restarted", sf.check());
        assertEquals(1, sf.shrunk().size(), sf.shrunk().render());
        FaultEvent only = sf.shrunk().events().get(0);
        assertTrue(only.render().matches("@\\S+ crash host:b for 1ms"), only.render());
        assertTrue(sf.reruns() <= 200);
        assertEquals("@Replay(seed = " + seed + ", faults = \"" + only.render() + "\")", sf.replayAnnotation());
        assertTrue(f.getMessage().contains("seed " + seed + " failed: b never restarted"), f.getMessage());
        assertTrue(f.getMessage().contains(sf.replayAnnotation()), f.getMessage());
        assertEquals(sf.shrunk(), ScheduleJson.read(sf.scheduleFile()));
        String page = Files.readString(sf.report().orElseThrow());
        assertTrue(page.contains("under the shrunk fault schedule: " + only.render()), "the report prints the schedule");

        // The header's figures are the shrunk run's (the one the report shows), not the original's.
        assertTrue(sf.original().size() > 1, "shrinking removed events: " + sf.original().render());
        io.faultline.faults.Trial replay = new io.faultline.faults.Trial("replay", seed).schedule(sf.shrunk());
        CrashSensitiveSystem.build(replay, List.of("crash", "pause", "partition", "clock-jump"));
        io.faultline.sim.scenario.RunResult shrunkRun = replay.execute();
        assertEquals(shrunkRun.traceHash(), sf.traceHash());
        assertEquals(RunFigures.of(shrunkRun), sf.shrunkRun());
        assertEquals("b is in incarnation 2", sf.detail(), "one crash in the shrunk run");
        assertTrue(f.getMessage().contains("failed: b never restarted: b is in incarnation 2\nthe shrunk run: "
                + sf.shrunkRun().text() + "\n"), f.getMessage());
    }

    @Test
    void aCorrectSystemPassesEverySeed() {
        Events events = run(BuiltSamples.class, "pausesDoNot");
        events.assertStatistics(s -> s.started(25).succeeded(25).failed(0));
    }

    @Test
    void theSeedsPropertyOverridesTheAnnotation() {
        System.setProperty(SimulationExtension.SEEDS_PROPERTY, "7");
        try {
            run(BuiltSamples.class, "pausesDoNot").assertStatistics(s -> s.started(7).succeeded(7));
        } finally {
            System.clearProperty(SimulationExtension.SEEDS_PROPERTY);
        }
    }

    @Test
    void theFirstSeedPropertyMovesTheSeedsItRuns() {
        System.setProperty(SimulationExtension.SEEDS_PROPERTY, "2");
        System.setProperty(SimulationExtension.FIRST_SEED_PROPERTY, "900");
        try {
            List<String> names = run(BuiltSamples.class, "pausesDoNot").started().list().stream()
                    .map(e -> e.getTestDescriptor().getDisplayName()).toList();
            assertEquals(List.of("seed 900", "seed 901"), names);
        } finally {
            System.clearProperty(SimulationExtension.SEEDS_PROPERTY);
            System.clearProperty(SimulationExtension.FIRST_SEED_PROPERTY);
        }
    }

    @Test
    void replayRunsExactlyThatSeedAndSchedule() {
        Events events = run(ReplaySamples.class, "replayed");
        events.assertStatistics(s -> s.started(1).failed(1));
        Event e = events.failed().list().get(0);
        assertEquals("replay seed 5", e.getTestDescriptor().getDisplayName());
        SeedFailure sf = ((SimulationFailure) failure(e)).failure();
        assertEquals(5, sf.seed());
        assertEquals(ScheduleText.parse("@100ms pause host:a for 10ms; @300ms crash host:b for 20ms", "t"), ReplaySamples.seen);
        assertEquals(sf.original(), sf.shrunk(), "shrink = false");
    }

    @Test
    void aBadReplayScheduleNamesTheColumnAndTheAllowedKinds() {
        var results = execute(ReplaySamples.class, "badReplay").containerEvents().failed().list();
        assertEquals(1, results.size());
        String message = failure(results.get(0)).getMessage();
        assertTrue(message.startsWith("@Replay(faults):1:8: unknown kind \"crsh\"; allowed kinds: partition, heal,"), message);
    }

    @Test
    void aCatalogScenarioRunsByNameAndItsResultIsAParameter() {
        run(CatalogSamples.class, "echoes").assertStatistics(s -> s.started(3).succeeded(3));
    }

    @Test
    void anUnknownScenarioIsNamedWithTheKnownOnes() {
        var failed = execute(CatalogSamples.class, "unknownScenario").containerEvents().failed().list();
        assertEquals(1, failed.size());
        String message = failure(failed.get(0)).getMessage();
        assertTrue(message.contains("unknown scenario 'demo/nope'") && message.contains("demo/echo"), message);
    }

    @Test
    void hooksChooseTheFaultsAndHearEveryFailure() {
        CatalogSamples.heard.clear();
        Events events = run(CatalogSamples.class, "pausesOnlyAndEveryFailureHeard");
        events.assertStatistics(s -> s.started(1).failed(1));
        assertEquals(1, CatalogSamples.heard.size());
        SeedFailure f = CatalogSamples.heard.get(0);
        assertEquals("AssertionError", f.check(), "the method's own assertion, not a pause");
        assertEquals("fails on purpose", f.detail());
    }

    @Test
    void aParallelPropertyThatIsNotAPositiveIntegerIsNamedInTheError() {
        for (String bad : java.util.List.of("two", "0")) {
            System.setProperty(Prefetch.PARALLEL_PROPERTY, bad);
            try {
                org.junit.jupiter.api.extension.ExtensionConfigurationException e = org.junit.jupiter.api.Assertions
                        .assertThrows(org.junit.jupiter.api.extension.ExtensionConfigurationException.class, Prefetch::threads);
                assertEquals("-Dfaultline.parallel=" + bad + ": must be an integer of at least 1 (unset: one thread per core)",
                        e.getMessage());
            } finally {
                System.clearProperty(Prefetch.PARALLEL_PROPERTY);
            }
        }
    }

    @Test
    void seedsRunAheadOnOtherCoresGiveTheSameResultsAsOneByOne() {
        java.util.Map<Long, String> oneByOne = hashesWith("1");
        java.util.Map<Long, String> ahead = hashesWith("3");
        assertEquals(12, oneByOne.size());
        assertEquals(oneByOne, ahead);
    }

    private static java.util.Map<Long, String> hashesWith(String threads) {
        CatalogSamples.hashes.clear();
        System.setProperty(Prefetch.PARALLEL_PROPERTY, threads);
        try {
            run(CatalogSamples.class, "broadcastHashes").assertStatistics(s -> s.started(12));
        } finally {
            System.clearProperty(Prefetch.PARALLEL_PROPERTY);
        }
        return new java.util.TreeMap<>(CatalogSamples.hashes);
    }

    @Test
    void aCatalogFailureAlsoShrinksTheConfigurationAndTheReplayCarriesIt() {
        Events events = run(CatalogSamples.class, "alwaysFails");
        SeedFailure f = ((SimulationFailure) failure(events.failed().list().get(0))).failure();
        assertTrue(f.settings().contains("clients=1"), f.settings().toString());
        assertTrue(f.replayAnnotation().contains("settings = {") && f.replayAnnotation().contains("\"clients=1\""),
                f.replayAnnotation());
        assertTrue(f.reruns() <= 200);

        run(CatalogSamples.class, "replayWithSmallerSettings").assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals("1", CatalogSamples.replayedResult.settings().get("clients"));
    }
}
