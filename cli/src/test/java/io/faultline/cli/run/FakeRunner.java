package io.faultline.cli.run;

import java.util.List;
import java.util.Optional;

import io.faultline.checker.Outcome;
import io.faultline.cli.ExitCodes;
import io.faultline.report.CheckLine;
import io.faultline.report.RunReport;
import io.faultline.report.RunSummary;

/**
 * A runner whose verdict is a function of the seed, for testing the commands' plumbing (ordering,
 * counts, exit codes) apart from any model. Seeds ending in 3 are INVALID, in 7 UNKNOWN, seed 666
 * is an internal error.
 */
final class FakeRunner implements Runner {
    @Override
    public List<ScenarioInfo> scenarios() {
        return List.of(new ScenarioInfo("fake/one", "The first fake.\nMore text."), new ScenarioInfo("fake/two", "The second."));
    }

    @Override
    public void validate(RunRequest request) {
        if (!request.scenario().startsWith("fake/")) {
            throw new ExitCodes.BadInput("unknown scenario '" + request.scenario() + "'; known: fake/one, fake/two");
        }
    }

    @Override
    public RunOutcome run(RunRequest request, boolean keepForReport) {
        validate(request);
        long seed = request.seed();
        if (seed == 666) {
            throw new IllegalStateException("boom");
        }
        // Uneven work so that parallel runs finish out of order.
        long spin = (seed * 7919) % 50_000;
        long acc = 0;
        for (long i = 0; i < spin; i++) {
            acc += i ^ seed;
        }
        Outcome v = seed % 10 == 3 ? Outcome.INVALID : seed % 10 == 7 ? Outcome.UNKNOWN : Outcome.VALID;
        RunSummary s = new RunSummary(request.scenario(), seed, v, List.of(new CheckLine("fake", v, "")), List.of(),
                Long.toHexString(seed * 31 + (acc & 1) * 0), seed, 1000, 0, 0, Optional.empty());
        return new RunOutcome(s, sum -> RunReport.builder(sum).replayCommand(request.replayCommand()).build());
    }
}
