package io.faultline.cli.run;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.faultline.checker.Outcome;
import io.faultline.cli.ExitCodes;
import io.faultline.report.RunSummary;
import io.faultline.sim.Budget;
import io.faultline.report.json.JsonSummary;
import org.apiguardian.api.API;

/**
 * {@code faultline sweep SCENARIO --seeds N [--from S] [--parallel P] [--set ...] [--duration D] [--faults FILE | --random-faults]
 *     [--time-limit D] [--save-failing DIR] [--json]}:
 * runs seeds S to S+N-1 on P threads (each run on one thread), then prints the verdict counts and
 * each failing seed with the command that replays it. Output is in seed order whatever P is.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a scenario with many seeds; list the failing ones with their replay commands.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every seed valid", "1:some seed found a violation", "2:bad input",
            "3:no violation, but some seed was unknown (a bound was hit)", "4:internal error"})
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SweepCommand extends ScenarioCommand {
    @Option(names = "--seeds", required = true, paramLabel = "N", description = "How many seeds to run.")
    int seeds;

    @Option(names = "--from", paramLabel = "S", description = "The first seed (default: ${DEFAULT-VALUE}).", defaultValue = "0")
    long from;

    @Option(names = "--parallel", paramLabel = "P", description = "Threads (default: the number of processors).")
    Integer parallel;

    @Option(names = "--save-failing", paramLabel = "DIR", description = "Write each failing seed's replay command"
            + " (DIR/failing.txt) and, under --random-faults or --faults, its schedule (DIR/seed-N-faults.json).")
    Path saveFailing;

    @Option(names = "--json", description = "Print one JSON object per seed (JSON Lines), then a summary object.")
    boolean json;

    public SweepCommand() {
        this(KernelRunner.shared());
    }

    SweepCommand(Runner runner) {
        super(runner);
    }

    @Override
    int execute() {
        if (seeds < 1) {
            throw new ExitCodes.BadInput("--seeds " + seeds + ": must be at least 1");
        }
        int threads = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > 1024) {
            throw new ExitCodes.BadInput("--parallel " + threads + ": must be between 1 and 1024");
        }
        if (from > Long.MAX_VALUE - seeds) {
            throw new ExitCodes.BadInput("--from " + from + ": the seeds would overflow a long");
        }
        RunRequest first = target.request(from);
        runner.validate(first);
        // One deadline for the whole sweep: the seeds still running when it passes stop UNKNOWN,
        // and those started after it stop at their first look at the budget.
        Budget budget = WallClockBudget.of(target.timeLimit, "sweep");
        if (saveFailing != null) {
            FailingSeeds.prepare(saveFailing);
        }

        // picocli's writer flushes on every println: one write(2) per seed on the thread that also
        // hands results over in seed order. Buffer the lines; the summary's flush empties the buffer.
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<JsonSummary.FailingSeed> failing = new ArrayList<>();
        long started = System.nanoTime();
        try (SweepProgress progress = SweepProgress.open(seeds, !json, target.scenario)) {
            SeedPool.run(threads, seeds, i -> Seeds.guard(first.withSeed(from + i), () -> runner.run(first.withSeed(from + i), false, budget)),
                    progress::step, (i, outcome) -> {
                        RunSummary s = outcome.summary();
                        counts.merge(s.verdict(), 1, Integer::sum);
                        if (s.verdict() != Outcome.VALID) {
                            failing.add(new JsonSummary.FailingSeed(s.seed(), s.verdict(), first.withSeed(s.seed()).replayCommand()));
                        }
                        if (json) {
                            out.println(JsonSummary.run(s));
                        }
                    });
        } finally {
            out.flush(); // the seeds printed so far, also when a run failed
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000L;
        if (json) {
            out.println(JsonSummary.sweepSummary(new JsonSummary.Sweep(target.scenario, from, seeds, counts, failing, wallMillis)));
        } else {
            printText(out, counts, failing, wallMillis);
        }
        if (saveFailing != null) {
            String line = FailingSeeds.save(saveFailing, first, runner, failing);
            if (!json) {
                out.println(line);
            }
        }
        out.flush();
        if (counts.getOrDefault(Outcome.INVALID, 0) > 0) {
            return ExitCodes.INVALID;
        }
        return counts.getOrDefault(Outcome.UNKNOWN, 0) > 0 ? ExitCodes.UNKNOWN : ExitCodes.VALID;
    }

    private void printText(PrintWriter out, Map<Outcome, Integer> counts, List<JsonSummary.FailingSeed> failing,
                           long wallMillis) {
        for (JsonSummary.FailingSeed f : failing) {
            out.printf(Locale.ROOT, "seed %d: %s   %s%n", f.seed(), f.verdict(), f.replay());
        }
        out.printf(Locale.ROOT, "%s: %,d seeds (%d to %d) in %.1f s: %,d VALID, %,d INVALID, %,d UNKNOWN%n",
                target.scenario, seeds, from, from + seeds - 1, wallMillis / 1000.0,
                counts.getOrDefault(Outcome.VALID, 0), counts.getOrDefault(Outcome.INVALID, 0),
                counts.getOrDefault(Outcome.UNKNOWN, 0));
    }
}
