package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Simulation sim = Bounds.during(Bounds.DEFAULT.withBudget(spentAfter(2)), () -> PingPong.game(7));
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
        Simulation budgeted = Bounds.during(Bounds.DEFAULT.withBudget(spentAfter(Integer.MAX_VALUE)), () -> PingPong.game(7));
        plain.run(Simulation.MINUTES);
        budgeted.run(Simulation.MINUTES);
        assertTrue(plain.eventCount() > Bounds.BUDGET_EVERY, "long enough to ask the budget");
        assertEquals(plain.trace().hash(), budgeted.trace().hash());
    }

    @Test
    void boundsApplyOnlyDuringTheirScope() {
        Bounds b = Bounds.DEFAULT.withMaxPending(10);
        assertEquals(b, Bounds.during(b, () -> new Simulation(1).bounds()));
        assertEquals(Bounds.DEFAULT, new Simulation(1).bounds());
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
