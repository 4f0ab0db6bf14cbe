package io.faultline.models.s3.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.sim.BadInputException;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColdScenariosTest {
    @Test
    void lifecycleToGlacierMovesAtMidnightsAndNeedsARestore() {
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = LifecycleToGlacierScenario.SCENARIO.run(LifecycleToGlacierScenario.SCENARIO.spec(seed));
            System.out.println("seed " + seed + " " + r.checks() + "\n" + r.tables());
            assertEquals(Outcome.VALID, r.outcome(), "seed " + seed + ": " + r.checks());
            assertTrue(r.series().size() >= 3, "GB per class for STANDARD, STANDARD_IA and GLACIER");
        }
    }

    @Test
    void fourHundredDaysRun() {
        RunResult r = LifecycleToGlacierScenario.SCENARIO.run(LifecycleToGlacierScenario.SCENARIO.spec(5, List.of(),
                Optional.of("400d")));
        assertEquals(Outcome.VALID, r.outcome(), r.checks().toString());
        Table yearly = r.tables().stream().filter(t -> t.name().equals("Yearly cost")).findFirst().orElseThrow();
        assertEquals(2, yearly.rows().size(), yearly.toString());
        assertEquals(List.of("year 1", "0.0 to 365.0"), yearly.rows().get(0).subList(0, 2));
        assertTrue(Double.parseDouble(yearly.rows().get(0).get(2)) > Double.parseDouble(yearly.rows().get(1).get(2)),
                "a full year costs more than the 35 days after it: " + yearly);
        Table probe = r.tables().stream().filter(t -> t.name().startsWith("Lifecycle actions")).findFirst().orElseThrow();
        assertEquals(List.of("transition to STANDARD_IA (rule to-glacier)", "transition to GLACIER (rule to-glacier)"),
                probe.rows().stream().map(row -> row.get(1)).toList(), probe.toString());
        assertEquals(List.of("day 31 00:00", "day 91 00:00"), probe.rows().stream().map(row -> row.get(4)).toList(),
                "applied at the midnights after 30 and 90 days (A9.4): " + probe);
    }

    @Test
    void aConfigurationS3WouldRefuseIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> LifecycleToGlacierScenario.SCENARIO.spec(1, List.of("ia-days=10"), Optional.empty()));
        assertTrue(e.getMessage().contains("ia-days=10"), e.getMessage());
    }

    @Test
    void restoreExpiryShows409AndTheCopyDisappearingAtItsMidnight() {
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = RestoreExpiryScenario.SCENARIO.run(RestoreExpiryScenario.SCENARIO.spec(seed));
            System.out.println("seed " + seed + " " + r.checks() + "\n" + r.tables());
            assertEquals(Outcome.VALID, r.outcome(), "seed " + seed + ": " + r.checks());
        }
    }
}
