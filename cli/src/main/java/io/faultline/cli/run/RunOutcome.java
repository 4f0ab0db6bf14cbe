package io.faultline.cli.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.faultline.checker.history.History;
import io.faultline.faults.FaultSchedule;
import io.faultline.report.RunReport;
import io.faultline.report.RunSummary;
import org.apiguardian.api.API;

/**
 * What a run gave the command line: its summary, a way to build its report page (only paid for
 * when a page is written; the function receives the summary to show, e.g. with the report path),
 * and the clients' histories by name when the run was kept for a report ({@code run --history}),
 * and the fault schedule that replays it ({@code run --save-faults}): the one it was given, or the
 * fault calls its scenario's own code made.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RunOutcome(RunSummary summary, Function<RunSummary, RunReport> report, Map<String, History> histories,
        FaultSchedule faults) {
    public RunOutcome {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(report, "report");
        histories = Collections.unmodifiableMap(new LinkedHashMap<>(histories));
        Objects.requireNonNull(faults, "faults");
    }

    /** An outcome that kept no history and ran no fault. */
    public RunOutcome(RunSummary summary, Function<RunSummary, RunReport> report) {
        this(summary, report, Map.of(), FaultSchedule.none());
    }
}
