package io.faultline.cli.run;

import java.util.function.Supplier;

import io.faultline.cli.ExitCodes;

/** Seeds from the clock, and the rule that every failure names its seed. */
final class Seeds {
    private Seeds() {
    }

    /**
     * A seed for a user who gave none. The wall clock is allowed here (never in the simulation):
     * each call explores a new run, and the seed is printed so that run can be replayed. Six digits
     * are enough to differ between calls and short enough to read aloud.
     */
    static long fromClock() {
        return System.currentTimeMillis() % 1_000_000L;
    }

    /** Runs {@code body}; an unexpected exception becomes an internal error that names the seed. */
    static <T> T guard(RunRequest request, Supplier<T> body) {
        try {
            return body.get();
        } catch (ExitCodes.BadInput e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new InternalRunError(request, e);
        }
    }

    /** A run failed for a reason that is ours, not the user's: its message carries the replay command. */
    static final class InternalRunError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InternalRunError(RunRequest request, Throwable cause) {
            super("seed " + request.seed() + " of " + request.scenario() + " failed: " + cause
                    + " (replay: " + request.replayCommand() + ")", cause);
        }
    }
}
