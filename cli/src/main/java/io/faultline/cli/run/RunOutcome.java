package io.faultline.cli.run;

import java.util.Objects;
import java.util.function.Function;

import io.faultline.report.RunReport;
import io.faultline.report.RunSummary;
import org.apiguardian.api.API;

/**
 * What a run gave the command line: its summary, and a way to build its report page (only paid for
 * when a page is written; the function receives the summary to show, e.g. with the report path).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RunOutcome(RunSummary summary, Function<RunSummary, RunReport> report) {
    public RunOutcome {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(report, "report");
    }
}
