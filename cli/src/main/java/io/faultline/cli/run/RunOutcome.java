package io.faultline.cli.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.faultline.checker.history.History;
import io.faultline.report.RunReport;
import io.faultline.report.RunSummary;
import org.apiguardian.api.API;

/**
 * What a run gave the command line: its summary, a way to build its report page (only paid for
 * when a page is written; the function receives the summary to show, e.g. with the report path),
 * and the clients' histories by name when the run was kept for a report ({@code run --history}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RunOutcome(RunSummary summary, Function<RunSummary, RunReport> report, Map<String, History> histories) {
    public RunOutcome {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(report, "report");
        histories = Collections.unmodifiableMap(new LinkedHashMap<>(histories));
    }

    /** An outcome that kept no history. */
    public RunOutcome(RunSummary summary, Function<RunSummary, RunReport> report) {
        this(summary, report, Map.of());
    }
}
