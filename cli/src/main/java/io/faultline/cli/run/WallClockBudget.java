package io.faultline.cli.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

import io.faultline.cli.ExitCodes;
import io.faultline.sim.BadInputException;
import io.faultline.sim.Budget;
import io.faultline.sim.SimTime;
import io.faultline.sim.scenario.Durations;

/**
 * {@code --time-limit}, and the progress line of a long run: the wall clock, which only the command
 * line may read (the simulation asks this budget between batches of events and never sees the
 * clock itself).
 */
final class WallClockBudget {
    /** A run shorter than this shows no progress. */
    private static final long QUIET_NANOS = 2_000_000_000L;
    /** At most this often. */
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private WallClockBudget() {
    }

    /** The time limit in nanoseconds; empty without {@code --time-limit}. */
    static Optional<Long> limit(String text) {
        if (text == null) {
            return Optional.empty();
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
        return Optional.of(limit);
    }

    /**
     * The budget for {@code --time-limit text}, counted from now; {@link Budget#NONE} without one.
     * Same units as {@code --duration}. It bounds the checks after the run too ({@link Budget#forChecks}).
     */
    static Budget of(String text, String what) {
        Optional<Long> limit = limit(text);
        if (limit.isEmpty()) {
            return Budget.NONE;
        }
        return new Wall(System.nanoTime(), limit.get(), "time limit " + text.strip() + " of the " + what + " reached");
    }

    /** The wall clock from {@code start}: spent {@code max} nanoseconds later. */
    private record Wall(long start, long max, String reason) implements Budget {
        @Override
        public Optional<String> spent(long virtualNanos) {
            return left() <= 0 ? Optional.of(reason) : Optional.empty();
        }

        @Override
        public Optional<Duration> forChecks(Duration wanted) {
            long left = left();
            return left <= 0 ? Optional.empty() : Optional.of(wanted.compareTo(Duration.ofNanos(left)) < 0 ? wanted : Duration.ofNanos(left));
        }

        private long left() {
            return max - (System.nanoTime() - start);
        }
    }

    /**
     * {@link #of} that also shows, on a terminal, the simulated time reached once the run takes
     * longer than about 2 s, on one line rewritten in place and erased at the end ({@link #done}).
     */
    static Budget withProgress(String text, String what, Optional<String> duration, PrintWriter err) {
        Budget limit = of(text, what);
        if (System.console() == null) {
            return limit;
        }
        long start = System.nanoTime();
        long[] shown = {0};
        return new Budget() {
            @Override
            public Optional<String> spent(long now) {
                long t = System.nanoTime();
                if (t - start > QUIET_NANOS && t - shown[0] > PROGRESS_EVERY_NANOS) {
                    shown[0] = t;
                    err.print("\r" + SimTime.format(now) + duration.map(d -> " of " + d).orElse("") + " simulated   ");
                    err.flush();
                }
                return limit.spent(now);
            }

            @Override
            public Optional<Duration> forChecks(Duration wanted) {
                return limit.forChecks(wanted);
            }
        };
    }

    /** Erases the progress line, if one was shown. */
    static void done(PrintWriter err) {
        if (System.console() != null) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
