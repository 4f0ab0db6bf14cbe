package io.faultline.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.faultline.cli.ExitCodes;
import io.faultline.faults.ScheduleJson;
import io.faultline.report.CheckLine;
import io.faultline.report.HtmlReport;
import io.faultline.report.RunSummary;
import io.faultline.sim.Budget;
import io.faultline.sim.SimTime;
import io.faultline.report.json.JsonSummary;
import org.apiguardian.api.API;

/**
 * {@code faultline run SCENARIO [--seed N] [--duration D] [--set key=value]... [--faults FILE] [--random-faults] [--time-limit D]
 *     [--history FILE] [--save-faults FILE] [--report FILE] [--json]}:
 * runs one seed, prints the verdict, the seed, the report's path and the command that replays it.
 *
 * <p>Without {@code --seed} the seed comes from the wall clock (so repeated runs explore) and is
 * printed; the replay command always carries it.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a scenario with one seed and write its report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check valid", "1:a check found a violation", "2:bad input",
            "3:unknown (a bound was hit)", "4:internal error"})
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunCommand extends ScenarioCommand {
    @Option(names = "--seed", paramLabel = "N", description = "The seed (default: picked from the clock and printed).")
    Long seed;

    @Option(names = "--report", paramLabel = "FILE", description = "Where to write the HTML report (default: reports/<scenario>-<seed>.html).")
    Path report;

    @Option(names = "--history", paramLabel = "FILE", description = "Also write the run's client history here, in Jepsen's"
            + " vocabulary: EDN for .edn, JSON Lines for .jsonl (for `faultline check`, Knossos, Porcupine).")
    Path history;

    @Option(names = "--save-faults", paramLabel = "FILE", description = "Also write the run's fault schedule here (JSON):"
            + " the one it ran under, or every fault the scenario's own code made, each at its time,"
            + " so that --faults FILE replays the run exactly.")
    Path saveFaults;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    public RunCommand() {
        this(KernelRunner.shared());
    }

    RunCommand(Runner runner) {
        super(runner);
    }

    @Override
    int execute() {
        PrintWriter out = spec.commandLine().getOut();
        boolean seedPicked = seed == null;
        long s = seedPicked ? Seeds.fromClock() : seed;
        RunRequest request = target.request(s);
        Budget budget = WallClockBudget.withProgress(target.timeLimit, "run", request.duration(), spec.commandLine().getErr());
        if (history != null) {
            HistoryExport.checkExtension(history);
        }
        RunOutcome outcome;
        HeapPeak.reset();
        try {
            outcome = Seeds.guard(request, () -> runner.run(request, true, budget));
        } finally {
            WallClockBudget.done(spec.commandLine().getErr());
        }
        Path file = report != null ? report : Path.of(request.defaultReportPath());
        RunSummary summary = outcome.summary().withPeakHeap(HeapPeak.bytes()).withReport(file.toString());
        try {
            HtmlReport.write(outcome.report().apply(summary), file);
        } catch (IOException e) {
            throw new ExitCodes.BadInput("--report " + file + ": cannot write it (" + IoWords.why(e) + ")");
        }
        String historyNote = history == null ? "" : HistoryExport.write(history, outcome.histories());
        if (saveFaults != null) {
            try {
                ScheduleJson.write(outcome.faults(), saveFaults);
            } catch (java.io.UncheckedIOException e) {
                throw new ExitCodes.BadInput("--save-faults " + saveFaults + ": cannot write it (" + IoWords.why(e.getCause()) + ")");
            }
        }
        if (json) {
            out.println(JsonSummary.run(summary));
        } else {
            printText(out, summary, request, seedPicked, historyNote);
        }
        out.flush();
        return Verdicts.exitCode(summary.verdict());
    }

    private void printText(PrintWriter out, RunSummary s, RunRequest request, boolean seedPicked, String historyNote) {
        out.println(s.scenario() + "  seed " + s.seed() + (seedPicked ? " (from the clock; pass --seed to choose)" : "")
                + "  " + s.verdict());
        int width = s.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (CheckLine c : s.checks()) {
            out.printf(Locale.ROOT, "  %-7s  %-" + Math.max(1, width) + "s%s%n", c.verdict(), c.name(),
                    c.detail().isEmpty() ? "" : "  " + c.detail());
        }
        out.printf(Locale.ROOT, "%s simulated, %,d events, %,d ms%n", SimTime.format(s.simulatedNanos()),
                s.events(), s.wallMillis());
        out.println("report: " + s.report().orElse(""));
        out.println("replay: " + request.replayCommand());
        if (history != null) {
            out.println("history: " + historyNote);
        }
        if (saveFaults != null) {
            out.println("faults: " + saveFaults + " (replay: " + request.withFaultsFile(saveFaults.toString()).replayCommand() + ")");
        }
    }
}
