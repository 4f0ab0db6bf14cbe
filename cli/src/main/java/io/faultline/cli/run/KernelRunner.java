package io.faultline.cli.run;

import java.util.List;

import io.faultline.cli.ExitCodes;

/** TEMPORARY until the kernel's scenario API lands: knows no scenarios. */
public final class KernelRunner implements Runner {
    private static final KernelRunner SHARED = new KernelRunner();

    static KernelRunner shared() {
        return SHARED;
    }

    @Override
    public List<ScenarioInfo> scenarios() {
        return List.of();
    }

    @Override
    public void validate(RunRequest request) {
        throw new ExitCodes.BadInput("unknown scenario '" + request.scenario() + "'");
    }

    @Override
    public RunOutcome run(RunRequest request, boolean keepForReport) {
        validate(request);
        throw new IllegalStateException("unreachable");
    }
}
