package io.faultline.cli.run;

import io.faultline.cli.ExitCodes;
import io.faultline.report.json.MatrixJson;
import io.faultline.sim.BadInputException;
import io.faultline.sim.scenario.FindingPower;
import io.faultline.sim.scenario.FindingPower.SeedOutcome;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import io.faultline.sim.scenario.Weakening;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.apiguardian.api.API;

/**
 * {@code faultline matrix [MODEL] [--seeds N] [--from S] [--parallel P] [--json]}: the bug-finding
 * matrix. For every safe scenario and each of its single-knob weakenings (the catalogs'
 * {@link Weakening}s), runs seeds S to S+N-1 with the scenario's own random faults and prints how
 * many fail, how many seeds a search needs before its first failure, the anomaly kinds found and
 * a command that replays one failing seed. Exit 0 when every row is as the fidelity rules predict
 * (unsafe rows found with the predicted anomaly, safe rows never failing), 1 otherwise.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false,
        description = "How well random faults find each known-unsafe configuration (the bug-finding matrix).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row as the fidelity rules predict", "1:some row not as predicted", "2:bad input",
            "4:internal error"})
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MatrixCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "Only the rows whose scenario starts with MODEL/, e.g. kafka or s3 (default: every model).")
    String model;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "200", description = "Seeds per row (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--from", paramLabel = "S", defaultValue = "0", description = "The first seed (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--parallel", paramLabel = "P", description = "Threads (default: the number of processors).")
    Integer parallel;

    @Option(names = "--json", description = "Print the matrix as one JSON document (every failing seed with its anomalies).")
    boolean json;

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new ExitCodes.BadInput("--seeds " + seeds + ": must be at least 1");
        }
        if (from < 0 || from > Long.MAX_VALUE - seeds) {
            throw new ExitCodes.BadInput("--from " + from + ": must be at least 0 and leave room for " + seeds + " seeds");
        }
        int threads = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > 1024) {
            throw new ExitCodes.BadInput("--parallel " + threads + ": must be between 1 and 1024");
        }
        List<Weakening> rows = rows();
        List<Scenario> scenarios = rows.stream().map(r -> Scenarios.get(r.scenario())).toList();
        List<SeedOutcome> outcomes = new ArrayList<>();
        SeedPool.run(threads, rows.size() * seeds, i -> {
            Weakening row = rows.get(i / seeds);
            Scenario s = scenarios.get(i / seeds);
            try {
                return SeedOutcome.of(s.run(s.spec(from + i % seeds, row.overrides(), Optional.empty())));
            } catch (BadInputException e) {
                // The rows come from the catalogs, not from the user: a row the scenario rejects is our bug.
                throw new IllegalStateException("matrix row '" + row.label() + "': " + e.getMessage(), e);
            }
        }, () -> { }, (i, o) -> outcomes.add(o));
        List<FindingPower> measured = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            measured.add(FindingPower.of(rows.get(r), from, outcomes.subList(r * seeds, (r + 1) * seeds)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(MatrixJson.write(command(), measured));
        } else {
            measured.forEach(p -> print(out, p));
        }
        out.flush();
        return measured.stream().allMatch(FindingPower::asExpected) ? ExitCodes.VALID : ExitCodes.INVALID;
    }

    private List<Weakening> rows() {
        List<Weakening> all = Scenarios.weakenings();
        if (model == null) {
            return all;
        }
        List<Weakening> mine = all.stream().filter(r -> r.scenario().startsWith(model + "/")).toList();
        if (mine.isEmpty()) {
            String models = all.stream().map(r -> r.scenario().substring(0, r.scenario().indexOf('/')))
                    .distinct().collect(Collectors.joining(", "));
            throw new ExitCodes.BadInput("no matrix rows for model '" + model + "'; models with rows: " + models);
        }
        return mine;
    }

    /** The command that reproduces this matrix, as the JSON file and the docs show it. */
    private String command() {
        return "./faultline matrix" + (model == null ? "" : " " + model) + " --seeds " + seeds
                + (from == 0 ? "" : " --from " + from);
    }

    private void print(PrintWriter out, FindingPower p) {
        Weakening r = p.row();
        String expected = r.expected() instanceof Weakening.Finds f ? "unsafe, expect " + String.join("/", f.anomalies())
                : "safe (" + ((Weakening.Holds) r.expected()).reason() + ")";
        out.printf(Locale.ROOT, "%s%n  %s [%s]: %d of %d seeds fail", r.label(), expected, r.rule(), p.failing(), p.seeds());
        p.medianSeedsToFailure().ifPresent(m -> out.printf(Locale.ROOT, ", seeds to first failure median %d max %d",
                m, p.maxSeedsToFailure().orElseThrow()));
        out.println(p.asExpected() ? "" : "   NOT AS PREDICTED");
        if (!p.anomalyCounts().isEmpty()) {
            out.printf(Locale.ROOT, "  anomalies: %s%n", p.anomalyCounts());
        }
        if (!p.failures().isEmpty()) {
            long seed = p.failures().firstKey();
            out.printf(Locale.ROOT, "  replay: %s%n", new RunRequest(r.scenario(), seed, settingsOf(r), Optional.empty()).replayCommand());
        }
    }

    private static Map<String, String> settingsOf(Weakening r) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        for (String o : r.overrides()) {
            int eq = o.indexOf('=');
            m.put(o.substring(0, eq), o.substring(eq + 1));
        }
        return m;
    }
}
