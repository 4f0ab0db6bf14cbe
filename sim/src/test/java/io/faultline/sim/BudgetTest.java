package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The budget and the pending bound: a stopped run says why, stays stopped, and an unspent budget changes nothing. */
class BudgetTest {

    /** A budget spent after it was asked {@code n} times: stands in for a wall clock, deterministically. */
    private static Budget spentAfter(int n) {
        int[] asked = {0};
        return now -> ++asked[0] > n ? Optional.of("spent after " + n) : Optional.empty();
    }

    @Test
    void aSpentBudgetStopsTheRunForGoodWithItsReason() {
        Simulation sim = PingPong.game(7, Bounds.DEFAULT.withBudget(spentAfter(2)));
        RunStatus status = sim.run(Simulation.DAYS);
        assertEquals(RunStatus.BUDGET_SPENT, status);
        assertTrue(status.isBound());
        // Asked every BUDGET_EVERY events or scheduling calls outside the loop (here the two starts).
        assertTrue(sim.eventCount() > 2L * Bounds.BUDGET_EVERY && sim.eventCount() < 3L * Bounds.BUDGET_EVERY,
                "stopped at the third question, after " + sim.eventCount() + " events");
        assertEquals(Optional.of("spent after 2"), sim.stopReason());
        long events = sim.eventCount();
        assertEquals(RunStatus.BUDGET_SPENT, sim.runUntil(() -> false, Simulation.DAYS), "a stop is final");
        assertEquals(events, sim.eventCount());
    }

    @Test
    void anUnspentBudgetLeavesTheTraceAsItWas() {
        Simulation plain = PingPong.game(7);
        Simulation budgeted = PingPong.game(7, Bounds.DEFAULT.withBudget(spentAfter(Integer.MAX_VALUE)));
        plain.run(Simulation.MINUTES);
        budgeted.run(Simulation.MINUTES);
        assertTrue(plain.eventCount() > Bounds.BUDGET_EVERY, "long enough to ask the budget");
        assertEquals(plain.trace().hash(), budgeted.trace().hash());
    }

    private static Scenario notRun() {
        return Scenario.of("test/bounds", "a scenario only built", List.of(), Simulation.SECONDS, spec -> {
            throw new AssertionError("not run");
        });
    }

    @Test
    void aScenarioRunsWithinTheBoundsOfItsSpec() {
        Bounds b = Bounds.DEFAULT.withMaxPending(10);
        Scenario s = notRun();
        RunSpec spec = s.spec(1).withBounds(b);
        assertEquals(b, new ScenarioRun(s, spec).sim().bounds());
        assertEquals(Bounds.DEFAULT, new ScenarioRun(s, s.spec(1)).sim().bounds());
        assertEquals(Bounds.DEFAULT, new Simulation(1).bounds());
    }

    @Test
    void aBudgetLeavesChecksTheTimeTheyWantUnlessItSaysOtherwise() {
        Duration wanted = Duration.ofSeconds(30);
        assertEquals(Optional.of(wanted), Budget.NONE.forChecks(wanted));
        Budget spent = new Budget() {
            @Override
            public Optional<String> spent(long now) {
                return Optional.of("spent");
            }

            @Override
            public Optional<Duration> forChecks(Duration w) {
                return Optional.empty();
            }
        };
        Scenario s = notRun();
        assertEquals(Optional.empty(), new ScenarioRun(s, s.spec(1).withBounds(Bounds.DEFAULT.withBudget(spent))).checkTime(wanted));
    }

    @Test
    void schedulingPastThePendingBoundStopsWithAReasonInsteadOfFillingTheHeap() {
        Simulation sim = new Simulation(1, Bounds.DEFAULT.withMaxPending(100));
        BoundExceededException e = assertThrows(BoundExceededException.class, () -> {
            for (long t = 0; t < 1_000; t++) {
                sim.at(t, "sample", () -> { });
            }
        });
        assertEquals(sim, e.simulation());
        assertEquals(Optional.of(RunStatus.PENDING_BOUND), sim.stoppedBy());
        assertTrue(e.getMessage().contains("more than 100 events pending"), e.getMessage());
        sim.at(5, "after the stop", () -> { });   // dropped, no second exception
        assertEquals(RunStatus.PENDING_BOUND, sim.run(Simulation.SECONDS));
        assertEquals(0, sim.eventCount());
    }

    @Test
    void aBudgetSpentDuringSetupStopsTheScheduling() {
        Simulation sim = new Simulation(1, Bounds.DEFAULT.withBudget(spentAfter(0)));
        BoundExceededException e = assertThrows(BoundExceededException.class, () -> {
            for (long t = 0; t < 10L * Bounds.BUDGET_EVERY; t++) {
                sim.at(t, "sample", () -> { });
            }
        });
        assertEquals(Optional.of(RunStatus.BUDGET_SPENT), sim.stoppedBy());
        assertEquals("spent after 0", e.getMessage());
        assertTrue(sim.pendingEvents() < Bounds.BUDGET_EVERY);
    }
}
