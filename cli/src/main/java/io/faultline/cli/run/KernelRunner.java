package io.faultline.cli.run;

import io.faultline.faults.FaultSchedule;
import io.faultline.faults.FaultSpace;
import io.faultline.faults.Nemesis;
import io.faultline.faults.ScheduleGen;
import io.faultline.faults.ScheduleFormatException;
import io.faultline.faults.ScheduleJson;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.faultline.cli.ExitCodes;
import io.faultline.report.RunSummary;
import io.faultline.report.run.RunReports;
import io.faultline.sim.BadInputException;
import io.faultline.sim.BoundExceededException;
import io.faultline.sim.Bounds;
import io.faultline.sim.Budget;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioEntry;
import io.faultline.sim.scenario.Scenarios;
import org.apiguardian.api.API;

/**
 * The {@link Runner} over the kernel: scenarios from every {@code ScenarioCatalog} on the class path
 * (looked up once: {@code ServiceLoader} is not safe to share between threads, an immutable map is).
 * It holds the catalogs' entries and builds a scenario only when a request names it, so that
 * {@code list} loads no model class and {@code run demo/echo} only demo's (bench/README.md, "Start-up").
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class KernelRunner implements Runner {
    private static volatile KernelRunner shared;

    private final Map<String, ScenarioEntry> byName;

    private KernelRunner(List<ScenarioEntry> entries) {
        Map<String, ScenarioEntry> m = new LinkedHashMap<>();
        for (ScenarioEntry e : entries) {
            m.put(e.name(), e);
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    /** A runner over these scenarios only (tests). */
    static KernelRunner of(List<Scenario> scenarios) {
        return new KernelRunner(scenarios.stream().map(s -> new ScenarioEntry(s.name(), s.description(), () -> s)).toList());
    }

    /** The runner over the catalogs on the class path, loaded on first use. */
    static KernelRunner shared() {
        KernelRunner r = shared;
        if (r == null) {
            synchronized (KernelRunner.class) {
                r = shared;
                if (r == null) {
                    r = new KernelRunner(Scenarios.entries());
                    shared = r;
                }
            }
        }
        return r;
    }

    @Override
    public List<ScenarioInfo> scenarios() {
        List<ScenarioInfo> out = new ArrayList<>();
        for (ScenarioEntry e : byName.values()) {
            out.add(new ScenarioInfo(e.name(), e.description()));
        }
        return out;
    }

    @Override
    public void validate(RunRequest request) {
        schedule(request, ownSpec(scenario(request), request));
    }

    @Override
    public RunOutcome run(RunRequest request, boolean keepForReport) {
        return run(request, keepForReport, Budget.NONE);
    }

    @Override
    public RunOutcome run(RunRequest request, boolean keepForReport, Budget budget) {
        Scenario scenario = scenario(request);
        RunSpec own = ownSpec(scenario, request);
        Optional<FaultSchedule> given = schedule(request, own);
        RunSpec spec = given.isPresent() ? own.withFaults(new Nemesis(given.get())) : own;
        long started = System.nanoTime();
        RunResult result;
        RunSpec bounded = spec.withBounds(Bounds.DEFAULT.withMaxPending(MemoryBound.maxPending()).withBudget(budget));
        try {
            result = scenario.run(bounded);
        } catch (BoundExceededException e) {
            // Stopped while scheduling (e.g. the setup of a run far too long to hold in memory): the
            // result is what the simulation did until then, UNKNOWN with the bound's reason.
            result = RunResult.builder(scenario.name(), bounded, e.simulation()).build();
        } catch (BadInputException e) {
            // A scenario may reject a combination of settings only once it builds the system.
            throw new ExitCodes.BadInput(prefix(request, e.getMessage()) + e.getMessage());
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000L;
        RunSummary summary = RunReports.summary(result, wallMillis);
        if (!keepForReport) {
            return new RunOutcome(summary, s -> {
                throw new IllegalStateException("the run of seed " + request.seed() + " kept nothing for a report");
            });
        }
        RunResult kept = result;
        FaultSchedule faults = given.orElse(FaultSchedule.ofCalls(result.faultCalls()));
        return new RunOutcome(summary,
                s -> RunReports.report(kept, s, scenario.description(), request.replayCommand()), kept.histories(), faults);
    }

    /** The scenario of this name (bad input naming the known ones otherwise), for {@code describe}. */
    Scenario scenario(String name) {
        return scenario(new RunRequest(name, 0, Map.of(), Optional.empty()));
    }

    private Scenario scenario(RunRequest request) {
        ScenarioEntry e = byName.get(request.scenario());
        if (e == null) {
            throw new ExitCodes.BadInput("unknown scenario '" + request.scenario() + "'; known: "
                    + (byName.isEmpty() ? "none (no catalog on the class path)" : String.join(", ", byName.keySet())));
        }
        return e.scenario();
    }


    /** The spec with the scenario's own faults. */
    private static RunSpec ownSpec(Scenario scenario, RunRequest request) {
        List<String> overrides = new ArrayList<>();
        request.settings().forEach((k, v) -> overrides.add(k + "=" + v));
        RunSpec spec;
        try {
            spec = scenario.spec(request.seed(), overrides, request.duration());
        } catch (BadInputException e) {
            String more = e.getMessage().startsWith("unknown key") ? " (`faultline describe " + scenario.name()
                    + "` shows each key's default and values)" : "";
            throw new ExitCodes.BadInput(prefix(request, e.getMessage()) + e.getMessage() + more);
        }
        return spec;
    }

    @Override
    public FaultSchedule schedule(RunRequest request) {
        Scenario scenario = scenario(request);
        return schedule(request, ownSpec(scenario, request)).orElseThrow(() -> new IllegalStateException(
                "a request without --faults or --random-faults has no schedule before it runs"));
    }

    /** The schedule a request runs under: from its file, drawn from its seed, or none (the scenario's own faults). */
    private static Optional<FaultSchedule> schedule(RunRequest request, RunSpec spec) {
        if (request.faults().isPresent()) {
            try {
                return Optional.of(ScheduleJson.read(Path.of(request.faults().get())));
            } catch (ScheduleFormatException e) {
                throw new ExitCodes.BadInput("--faults: " + e.getMessage());
            }
        }
        if (request.randomFaults()) {
            return Optional.of(ScheduleGen.forSeed(FaultSpace.forRun(spec.durationNanos()), request.seed()));
        }
        return Optional.empty();
    }

    /** Names the option the bad word came from, when the kernel's message does not. */
    private static String prefix(RunRequest request, String message) {
        if (message.startsWith("unknown key") || request.settings().keySet().stream().anyMatch(message::contains)) {
            return "--set: ";
        }
        if (request.duration().isPresent() && (message.contains(request.duration().get()) || message.contains("duration"))) {
            return "--duration: ";
        }
        return "";
    }
}
