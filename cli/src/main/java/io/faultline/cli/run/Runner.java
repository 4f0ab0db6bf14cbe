package io.faultline.cli.run;

import java.util.List;

import io.faultline.faults.FaultSchedule;
import io.faultline.sim.Budget;
import org.apiguardian.api.API;

/**
 * The command line's one seam to the simulation kernel: find scenarios, run one seed. Runs are
 * independent; {@code run} may be called from several threads at once (each run stays on one).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface Runner {

    /** Every scenario of every catalog, sorted by name. */
    List<ScenarioInfo> scenarios();

    /**
     * Checks a request without running it (scenario known, settings and duration valid), so that a
     * sweep reports bad input once, before it starts.
     *
     * @throws io.faultline.cli.ExitCodes.BadInput naming the culprit and what is allowed
     */
    void validate(RunRequest request);

    /**
     * Runs one seed.
     *
     * @param keepForReport whether to keep what a report page needs (message window, charts)
     * @throws io.faultline.cli.ExitCodes.BadInput for an unknown scenario, setting or duration
     */
    RunOutcome run(RunRequest request, boolean keepForReport);

    /**
     * The fault schedule a request with {@code --faults} or {@code --random-faults} runs under,
     * known before it runs (a sweep's {@code --save-failing}; {@code run --save-faults} takes the
     * run's own, {@link RunOutcome#faults()}, which also covers the scenario's own faults).
     */
    default FaultSchedule schedule(RunRequest request) {
        throw new io.faultline.cli.ExitCodes.BadInput("--faults: this runner has no fault schedules");
    }

    /**
     * Runs one seed that {@code budget} may stop (then its verdict is UNKNOWN, with the budget's
     * reason); a runner that cannot stop a run early ignores it.
     */
    default RunOutcome run(RunRequest request, boolean keepForReport, Budget budget) {
        return run(request, keepForReport);
    }
}
