package io.faultline.cli.run;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.faultline.checker.Outcome;
import io.faultline.cli.ExitCodes;
import io.faultline.report.RunSummary;
import io.faultline.sim.Budget;
import io.faultline.report.json.JsonSummary;
import org.apiguardian.api.API;

/**
 * {@code faultline sweep SCENARIO --seeds N [--from S] [--shard I/N] [--parallel P] [--set ...] [--duration D]
 *     [--faults FILE | --random-faults] [--time-limit D] [--save-failing DIR] [--out DIR] [--json]}:
 * runs seeds S to S+N-1 (or the I-th of N parts of them) on P threads (each run on one thread), then
 * prints the verdict counts and each failing seed with the command that replays it. Output is in seed
 * order whatever P is. {@code faultline sweep --merge DIR...} joins the {@code --out} folders of a
 * sharded sweep into the output of the whole sweep ({@link SweepMerge}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a scenario with many seeds; list the failing ones with their replay commands.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every seed valid", "1:some seed found a violation", "2:bad input",
            "3:no violation, but some seed was unknown (a bound was hit)", "4:internal error"})
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SweepCommand extends ScenarioCommand {
    @Option(names = "--seeds", paramLabel = "N", description = "How many seeds to run (with --shard: in all shards together).")
    Integer seeds;

    @Option(names = "--from", paramLabel = "S", description = "The first seed (default: ${DEFAULT-VALUE}).", defaultValue = "0")
    long from;

    @Option(names = "--parallel", paramLabel = "P", description = "Threads (default: the number of processors).")
    Integer parallel;

    @Option(names = "--save-failing", paramLabel = "DIR", description = "Write each failing seed's replay command"
            + " (DIR/failing.txt) and, under --random-faults or --faults, its schedule (DIR/seed-N-faults.json).")
    Path saveFailing;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the I-th (from 0) of N disjoint, contiguous"
            + " parts of the seeds, e.g. on the I-th machine of N; --merge joins the parts' --out folders.")
    String shard;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the JSON Lines of --json to DIR/"
            + SweepFiles.NAME + ", for --merge.")
    Path outDir;

    @Option(names = "--merge", arity = "1..*", paramLabel = "DIR", description = "Instead of running: join the --out"
            + " folders of the N shards of one sweep and print what that sweep would print (with --json too).")
    List<Path> merge;

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
        if (merge != null) {
            if (target.scenario != null || seeds != null || shard != null || outDir != null || saveFailing != null) {
                throw new ExitCodes.BadInput("--merge: takes only the shards' folders (and --json); the scenario,"
                        + " --seeds, --shard, --out and --save-failing belong to the shards' sweeps");
            }
            return SweepMerge.merge(merge, json, spec.commandLine().getOut());
        }
        if (seeds == null) {
            throw new ExitCodes.BadInput("--seeds: missing; say how many seeds to run, e.g. --seeds 100");
        }
        if (seeds < 1) {
            throw new ExitCodes.BadInput("--seeds " + seeds + ": must be at least 1");
        }
        Shard part = shard == null ? Shard.WHOLE : Shard.parse(shard);
        if (part.count() > seeds) {
            throw new ExitCodes.BadInput("--shard " + shard + ": " + seeds + " seeds cannot make " + part.count()
                    + " shards (at most one shard per seed)");
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
        long start = part.first(from, seeds);
        int size = part.size(seeds);
        // One deadline for the whole sweep: the seeds still running when it passes stop UNKNOWN,
        // and those started after it stop at their first look at the budget.
        Budget budget = WallClockBudget.of(target.timeLimit, "sweep");
        if (saveFailing != null) {
            FailingSeeds.prepare(saveFailing);
        }
        long started = System.nanoTime();
        // The first seed runs alone: its events tell the sweep's size, from which SweepJit may move
        // the sweep to a JVM with C2 (launched by ./faultline with C1 alone). Kept for the pool.
        RunOutcome firstRun = Seeds.guard(first.withSeed(start), () -> runner.run(first.withSeed(start), false, budget));
        OptionalInt relaunched = SweepJit.relaunch(threads, size, firstRun.summary().events(),
                spec.root().commandLine().getParseResult().originalArgs());
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        JsonSummary.ShardOf shardOf = new JsonSummary.ShardOf(part.index(), part.count(), from, seeds, first.replayCommand());

        // picocli's writer flushes on every println: one write(2) per seed on the thread that also
        // hands results over in seed order. Buffer the lines; the summary's flush empties the buffer.
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<JsonSummary.FailingSeed> failing = new ArrayList<>();
        try (SweepFiles files = SweepFiles.create(outDir)) {
            try (SweepProgress progress = SweepProgress.open(size, !json, target.scenario)) {
                SeedPool.run(threads, size, i -> i == 0 ? firstRun
                                : Seeds.guard(first.withSeed(start + i), () -> runner.run(first.withSeed(start + i), false, budget)),
                        progress::step, (i, outcome) -> {
                            RunSummary s = outcome.summary();
                            counts.merge(s.verdict(), 1, Integer::sum);
                            if (s.verdict() != Outcome.VALID) {
                                failing.add(new JsonSummary.FailingSeed(s.seed(), s.verdict(), first.withSeed(s.seed()).replayCommand()));
                            }
                            String line = JsonSummary.run(s);
                            if (json) {
                                out.println(line);
                            }
                            files.line(line);
                        });
            } finally {
                out.flush(); // the seeds printed so far, also when a run failed
            }
            long wallMillis = (System.nanoTime() - started) / 1_000_000L;
            JsonSummary.Sweep sweep = new JsonSummary.Sweep(target.scenario, start, size, counts, failing, wallMillis);
            // The summary of a part says which part of which sweep it is, for --merge; a whole
            // sweep's summary on standard output reads as before.
            String summary = part.whole() && outDir == null ? JsonSummary.sweepSummary(sweep) : JsonSummary.sweepSummary(sweep, shardOf);
            files.line(summary);
            if (json) {
                out.println(summary);
            } else {
                printText(out, sweep);
            }
        }
        if (saveFailing != null) {
            String line = FailingSeeds.save(saveFailing, first, runner, failing);
            if (!json) {
                out.println(line);
            }
        }
        out.flush();
        return exitCode(counts);
    }

    /** What a sweep prints without --json: each failing seed with its replay command, then the counts. */
    static void printText(PrintWriter out, JsonSummary.Sweep sweep) {
        for (JsonSummary.FailingSeed f : sweep.failing()) {
            out.printf(Locale.ROOT, "seed %d: %s   %s%n", f.seed(), f.verdict(), f.replay());
        }
        Map<Outcome, Integer> counts = sweep.counts();
        out.printf(Locale.ROOT, "%s: %,d seeds (%d to %d) in %.1f s: %,d VALID, %,d INVALID, %,d UNKNOWN%n",
                sweep.scenario(), sweep.seeds(), sweep.fromSeed(), sweep.fromSeed() + sweep.seeds() - 1, sweep.wallMillis() / 1000.0,
                counts.getOrDefault(Outcome.VALID, 0), counts.getOrDefault(Outcome.INVALID, 0),
                counts.getOrDefault(Outcome.UNKNOWN, 0));
    }

    /** The exit code of a sweep with these counts: INVALID before UNKNOWN before VALID. */
    static int exitCode(Map<Outcome, Integer> counts) {
        if (counts.getOrDefault(Outcome.INVALID, 0) > 0) {
            return ExitCodes.INVALID;
        }
        return counts.getOrDefault(Outcome.UNKNOWN, 0) > 0 ? ExitCodes.UNKNOWN : ExitCodes.VALID;
    }
}
