package io.faultline.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioEntryTest {
    private static final Scenario ECHO = Scenario.of("t/echo", "echoes", List.of(), 1, spec -> {
        throw new AssertionError("not run here");
    });

    @Test
    void buildsTheScenarioOnlyWhenAsked() {
        int[] built = {0};
        ScenarioEntry e = new ScenarioEntry("t/echo", "echoes", () -> {
            built[0]++;
            return ECHO;
        });
        assertEquals(0, built[0], "making the entry builds nothing");
        assertSame(ECHO, e.scenario());
        assertEquals(1, built[0]);
    }

    @Test
    void anEntryThatNamesItsScenarioOtherwiseIsAnErrorOfItsCatalog() {
        assertThrows(IllegalStateException.class, () -> new ScenarioEntry("t/other", "echoes", () -> ECHO).scenario());
        assertThrows(IllegalStateException.class, () -> new ScenarioEntry("t/echo", "says more", () -> ECHO).scenario());
    }
}
