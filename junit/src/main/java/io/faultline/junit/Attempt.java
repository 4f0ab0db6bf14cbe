package io.faultline.junit;

import io.faultline.faults.FaultSchedule;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import io.faultline.checker.Outcome;
import java.util.Optional;

/**
 * One run of a seed under one schedule: its result and, if the test method's own assertions threw,
 * what they threw.
 */
record Attempt(FaultSchedule schedule, RunResult result, Optional<Throwable> thrown) {

    /** The first INVALID check, if any. */
    Optional<CheckResult> invalidCheck() {
        for (CheckResult c : result.checks()) {
            if (c.outcome() == Outcome.INVALID) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    boolean failed() {
        return invalidCheck().isPresent() || thrown.isPresent();
    }

    /** What failed, in a form two attempts can be compared by: a check's name or an exception's class. */
    String signature() {
        return invalidCheck().map(c -> "check " + c.name())
                .orElseGet(() -> thrown.map(t -> "exception " + t.getClass().getName()).orElse("passed"));
    }

    /** Whether this attempt fails the way {@code signature} says. */
    boolean failsLike(String signature) {
        if (signature.startsWith("check ")) {
            String name = signature.substring("check ".length());
            return result.checks().stream().anyMatch(c -> c.name().equals(name) && c.outcome() == Outcome.INVALID);
        }
        return thrown.isPresent() && signature.equals("exception " + thrown.get().getClass().getName());
    }

    String checkName() {
        return invalidCheck().map(CheckResult::name)
                .orElseGet(() -> thrown.map(t -> t.getClass().getSimpleName()).orElse("none"));
    }

    String detail() {
        return invalidCheck().map(CheckResult::detail)
                .orElseGet(() -> thrown.map(t -> String.valueOf(t.getMessage())).orElse(""));
    }
}
