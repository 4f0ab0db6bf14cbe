package io.faultline.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.faultline.checker.Outcome;
import org.apiguardian.api.API;

/**
 * The machine-readable result of one run: what {@code faultline run --json} prints and what heads
 * the HTML report.
 *
 * <pre>{@code
 * new RunSummary("demo/echo", 42L, Outcome.VALID, List.of(), List.of(), "9f3c...", 1200, 30_000_000_000L, 85,
 *         0, Optional.of("reports/demo-echo-42.html"));
 * }</pre>
 *
 * @param scenario       the scenario's catalog name
 * @param seed           the seed that reproduces the run
 * @param verdict        the combination of every check's verdict (any INVALID wins, then UNKNOWN)
 * @param checks         each check's answer, in the order the scenario declares them
 * @param findings       tables that itemise what the checks judged (e.g. each lost write), possibly none
 * @param traceHash      hash of the run's trace; equal hashes mean identical runs
 * @param events         number of events the simulation processed
 * @param simulatedNanos virtual time the run covered
 * @param wallMillis     real time the run took (non-deterministic, like {@code peakHeapBytes})
 * @param peakHeapBytes  an estimate of the heap the run needed: the sum over the JVM's heap pools of
 *                       their peak occupancy while it ran, garbage not yet collected included (so an
 *                       upper bound for this collector and heap size); 0 when not measured (runs of a
 *                       sweep share one heap, so a sweep measures none)
 * @param report         where the HTML report was written, if it was
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RunSummary(String scenario, long seed, Outcome verdict, List<CheckLine> checks, List<Table> findings,
                         String traceHash, long events, long simulatedNanos, long wallMillis,
                         long peakHeapBytes, Optional<String> report) {
    public RunSummary {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(verdict, "verdict");
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
        Objects.requireNonNull(traceHash, "traceHash");
        Objects.requireNonNull(report, "report");
    }

    /** The same summary, noting where its report was written. */
    public RunSummary withReport(String path) {
        return new RunSummary(scenario, seed, verdict, checks, findings, traceHash, events, simulatedNanos,
                wallMillis, peakHeapBytes, Optional.of(path));
    }

    /** The same summary with the peak heap its run was measured to need. */
    public RunSummary withPeakHeap(long bytes) {
        return new RunSummary(scenario, seed, verdict, checks, findings, traceHash, events, simulatedNanos,
                wallMillis, bytes, report);
    }
}
