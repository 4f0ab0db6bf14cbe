package io.faultline.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class HandleParameterTest {

    private static Events run(String name) {
        java.lang.reflect.Method m = Arrays.stream(HandleSamples.class.getDeclaredMethods())
                .filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(HandleSamples.class, m)).execute().testEvents();
    }

    private static Throwable failure(Event e) {
        return e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void aMethodTakingAnExposedTypeGetsTheInstanceOfItsSeed() {
        Events events = run("eachSeedGetsTheHandleOfItsOwnRun");
        assertEquals(5, events.started().count());
        assertEquals(5, events.succeeded().count(), () -> events.failed().list().toString());
    }

    @Test
    void shrinkingRerunsHandTheMethodTheHandleOfEachRerun() {
        // Were a rerun given the first run's probe (whose b crashed), every candidate would fail and
        // the schedule would shrink to nothing; the lone crash of b shows each rerun saw its own run.
        List<Event> failed = run("checksThroughTheHandle").failed().list();
        assertEquals(1, failed.size());
        SeedFailure sf = assertInstanceOf(SimulationFailure.class, failure(failed.get(0))).failure();
        assertEquals("b never restarted", sf.check());
        assertEquals(1, sf.shrunk().size(), sf.shrunk().render());
        String only = sf.shrunk().events().get(0).render();
        assertTrue(only.matches("@\\S+ crash host:b for 1ms"), only);
    }

    @Test
    void aTypeNobodyExposedFailsNamingItAndWhatWasExposed() {
        List<Event> failed = run("asksForAHandleNobodyExposed").failed().list();
        assertEquals(1, failed.size());
        ParameterResolutionException e = assertInstanceOf(ParameterResolutionException.class, failure(failed.get(0)));
        assertTrue(e.getMessage().contains("no handle of type java.lang.StringBuilder"), e.getMessage());
        assertTrue(e.getMessage().contains("exposed: [" + HandleSamples.Probe.class.getName() + "]"), e.getMessage());
    }

    @Test
    void aCatalogScenarioSaysItExposesNoHandles() {
        List<Event> failed = run("asksACatalogScenarioForAHandle").failed().list();
        assertEquals(1, failed.size());
        ParameterResolutionException e = assertInstanceOf(ParameterResolutionException.class, failure(failed.get(0)));
        assertTrue(e.getMessage().contains("a catalog scenario exposes no handles"), e.getMessage());
    }
}
