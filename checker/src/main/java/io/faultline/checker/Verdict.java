package io.faultline.checker;

import org.apiguardian.api.API;

/**
 * The answer of a linearizability check: {@link Valid}, {@link Invalid} with a counterexample, or
 * {@link Unknown} with the reason (time or memory budget spent).
 *
 * <pre>{@code
 * Verdict v = report.verdict();
 * if (v instanceof Verdict.Invalid inv) { show(inv.counterexample()); }
 * else if (v instanceof Verdict.Unknown u) { System.out.println("undecided: " + u.reason()); }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Verdict {

    /** VALID, INVALID or UNKNOWN. */
    Outcome outcome();

    /** The history is linearizable. */
    record Valid() implements Verdict {
        @Override
        public Outcome outcome() {
            return Outcome.VALID;
        }
    }

    /** The history is not linearizable, because of {@code counterexample}. */
    record Invalid(Counterexample counterexample) implements Verdict {
        @Override
        public Outcome outcome() {
            return Outcome.INVALID;
        }
    }

    /** The check could not decide, because of {@code reason}. */
    record Unknown(String reason) implements Verdict {
        @Override
        public Outcome outcome() {
            return Outcome.UNKNOWN;
        }
    }
}
