package io.faultline.checker;

import org.apiguardian.api.API;

/**
 * The three answers a check can give: the guarantee held, it was violated, or the check could not
 * decide (a time or memory budget was spent, or the run hit a bound).
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Outcome {
    VALID, INVALID, UNKNOWN;

    /** The combination of two outcomes: any INVALID wins, then any UNKNOWN. */
    public Outcome and(Outcome other) {
        if (this == INVALID || other == INVALID) {
            return INVALID;
        }
        if (this == UNKNOWN || other == UNKNOWN) {
            return UNKNOWN;
        }
        return VALID;
    }
}
