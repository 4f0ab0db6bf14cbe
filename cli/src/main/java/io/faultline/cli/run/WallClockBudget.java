package io.faultline.cli.run;

import java.util.Optional;

import io.faultline.cli.ExitCodes;
import io.faultline.sim.BadInputException;
import io.faultline.sim.Budget;
import io.faultline.sim.scenario.Durations;

/**
 * {@code --time-limit}: a deadline on the wall clock, which only the command line may read (the
 * simulation asks this budget between batches of events and never sees the clock itself).
 */
final class WallClockBudget {
    private WallClockBudget() {
    }

    /**
     * The budget for {@code --time-limit text}, counted from now; {@link Budget#NONE} without one.
     * Same units as {@code --duration}.
     */
    static Budget of(String text, String what) {
        if (text == null) {
            return Budget.NONE;
        }
        long limit;
        try {
            limit = Durations.parse(text);
        } catch (BadInputException e) {
            throw new ExitCodes.BadInput("--time-limit: " + e.getMessage());
        }
        if (limit <= 0) {
            throw new ExitCodes.BadInput("--time-limit: '" + text + "' must be more than zero");
        }
        long start = System.nanoTime();
        String reason = "time limit " + text.strip() + " of the " + what + " reached";
        return () -> System.nanoTime() - start >= limit ? Optional.of(reason) : Optional.empty();
    }
}
