package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.faultline.checker.Outcome;
import io.faultline.faults.ScheduleJson;
import io.faultline.faults.Trial;
import io.faultline.sim.scenario.RunResult;
import io.faultline.junit.SeedFailure;
import io.faultline.junit.SimulationFailure;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The chapter "Testing your own system": its examples, run and checked. */
class TestingYourOwnSystemTest {

    static Events run(String method) {
        Method m = Arrays.stream(RegisterExamples.class.getDeclaredMethods())
                .filter(x -> x.getName().equals(method)).findFirst().orElseThrow();
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(RegisterExamples.class, m))
                .execute().testEvents();
    }

    @Test
    void theBuggyRegisterFailsWithASeedAShortScheduleAndAReplayAnnotation() {
        Events events = run("asyncRegisterIsLinearizable");
        List<Event> failed = events.failed().list();
        assertEquals(1, failed.size(), "stops at the first failing seed");
        Throwable t = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        SeedFailure f = assertInstanceOf(SimulationFailure.class, t).failure();
        System.out.println("[docs] " + t.getMessage().replace("\n", "\n[docs] "));
        System.out.println("[docs] shrinking took " + f.reruns() + " reruns");
        assertEquals("seed " + f.seed(), failed.get(0).getTestDescriptor().getDisplayName());
        assertEquals("linearizable", f.check());
        assertTrue(f.shrunk().size() <= 2, f.shrunk().render());
        assertTrue(f.replayAnnotation().startsWith("@Replay(seed = " + f.seed() + ", faults = \"@"), f.replayAnnotation());
        assertTrue(t.getMessage().contains(f.replayAnnotation()));
        assertEquals(f.shrunk(), ScheduleJson.read(f.scheduleFile()));
    }

    @Test
    void aReplayRunsOneCaseAndGivesTheSameTraceAsTheShrunkFailure() {
        Events events = run("asyncRegisterReplayed");
        events.assertStatistics(s -> s.started(1));
        assertEquals("replay seed 2", events.started().list().get(0).getTestDescriptor().getDisplayName());

        // The same case by hand: the seed and the schedule are all it takes.
        SeedFailure f = firstFailure(run("asyncRegisterIsLinearizable"));
        // tag::replay-by-hand[]
        Trial trial = new Trial("async register", f.seed());
        Register.async(trial);
        trial.schedule(ScheduleJson.read(f.scheduleFile()));
        RunResult replayed = trial.execute();
        // end::replay-by-hand[]
        assertEquals(f.traceHash(), replayed.traceHash());
        assertEquals(Outcome.INVALID, replayed.outcome());
    }

    static SeedFailure firstFailure(Events events) {
        Throwable t = events.failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        return ((SimulationFailure) t).failure();
    }

    @Test
    void theDurableRegisterPassesEverySeed() {
        run("durableRegisterIsLinearizable").assertStatistics(s -> s.started(500).succeeded(500).failed(0));
    }

    @Test
    void aSetupHookHandsTheMethodTheRegisterOfEachSeed() {
        run("durableRegisterAcknowledgesWrites").assertStatistics(s -> s.started(50).succeeded(50).failed(0));
    }
}
