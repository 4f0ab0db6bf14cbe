package io.faultline.cli.run;

import io.faultline.checker.Outcome;
import io.faultline.cli.ExitCodes;

/** Maps verdicts to the command's exit codes. */
final class Verdicts {
    private Verdicts() {
    }

    static int exitCode(Outcome verdict) {
        if (verdict == Outcome.INVALID) {
            return ExitCodes.INVALID;
        }
        return verdict == Outcome.UNKNOWN ? ExitCodes.UNKNOWN : ExitCodes.VALID;
    }
}
