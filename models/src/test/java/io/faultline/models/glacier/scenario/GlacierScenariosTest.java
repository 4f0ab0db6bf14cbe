package io.faultline.models.glacier.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Series;
import org.junit.jupiter.api.Test;

class GlacierScenariosTest {
    @Test
    void retrievalTiersCompleteWithinTheirWindowsAndChartEachTier() {
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = RetrievalTiersScenario.SCENARIO.run(RetrievalTiersScenario.SCENARIO.spec(seed));
            System.out.println("seed " + seed + " " + r.checks() + "\n" + r.tables());
            assertEquals(Outcome.VALID, r.outcome(), "seed " + seed + ": " + r.checks());
            assertEquals(3, r.series().size());
            for (Series s : r.series()) {
                assertTrue(s.points().size() > 10, s.name() + " has too few points");
            }
        }
    }

    @Test
    void inventoryLagShowsTheDailySnapshot() {
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = InventoryLagScenario.SCENARIO.run(InventoryLagScenario.SCENARIO.spec(seed));
            System.out.println("seed " + seed + " " + r.checks() + "\n" + r.tables());
            assertEquals(Outcome.VALID, r.outcome(), "seed " + seed + ": " + r.checks());
        }
    }
}
