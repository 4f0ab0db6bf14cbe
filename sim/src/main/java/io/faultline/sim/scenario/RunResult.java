package io.faultline.sim.scenario;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.sim.CheckResult;
import io.faultline.sim.RunStatus;
import io.faultline.sim.SimTime;
import io.faultline.sim.Simulation;
import io.faultline.sim.Trace;
import io.faultline.sim.TraceKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Everything a run produced that the CLI, the report and the tests need: what ran (scenario, seed,
 * duration, settings), what clients saw (histories), how it ended (status, checks, overall
 * outcome), the trace's summary (hash, counts, message window, faults, the moments whose messages
 * it kept) and the model's series, tables and findings (tables that itemise what a check judged).
 *
 * <pre>{@code
 * RunResult r = RunResult.builder(scenario.name(), spec, sim)
 *         .status(status)
 *         .history("echo", recorder.history())
 *         .check(CheckResult.valid("echoes match", "120 ok echoes"))
 *         .build();
 * }</pre>
 *
 * @param outcome    the checks combined ({@link Outcome#and}); UNKNOWN if a bound stopped the run
 * @param faultCalls the fault primitive calls the run's own code made ({@code Simulation.faultLog()}):
 *                   saved as a schedule, they replay the run; empty under a given fault plan
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RunResult(
        String scenario,
        long seed,
        long durationNanos,
        Map<String, String> settings,
        Map<String, History> histories,
        RunStatus status,
        List<CheckResult> checks,
        Outcome outcome,
        String traceHash,
        long eventCount,
        long simulatedNanos,
        Map<TraceKind, Long> eventCounts,
        List<Trace.MessageEvent> messages,
        List<Trace.FaultEvent> faults,
        List<Series> series,
        List<Table> tables,
        List<Table> findings,
        List<Trace.Moment> moments,
        List<io.faultline.sim.AppliedFault> faultCalls) {

    public RunResult {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        histories = Collections.unmodifiableMap(new LinkedHashMap<>(histories));
        checks = List.copyOf(checks);
        eventCounts = Collections.unmodifiableMap(new LinkedHashMap<>(eventCounts));
        // The trace's window is already an immutable snapshot, whose summaries are built when read.
        messages = messages instanceof Trace.MessageList ? messages : List.copyOf(messages);
        faults = List.copyOf(faults);
        series = List.copyOf(series);
        tables = List.copyOf(tables);
        findings = List.copyOf(findings);
        moments = List.copyOf(moments);
        faultCalls = List.copyOf(faultCalls);
    }

    /** When the first invariant violation happened, if one did. */
    public OptionalLong firstViolationNanos() {
        return moments.stream().filter(m -> m.kind() == TraceKind.VIOLATION).mapToLong(Trace.Moment::nanos).findFirst();
    }

    /** The one history of a single-history scenario (the first one recorded otherwise). */
    public History history() {
        return histories.isEmpty() ? History.empty() : histories.values().iterator().next();
    }

    /** Collects a result from a finished simulation. */
    public static Builder builder(String scenario, RunSpec spec, Simulation sim) {
        return new Builder(scenario, spec, sim);
    }

    /** Assembles a {@link RunResult}; {@link #build()} reads the simulation's trace at that moment. */
    public static final class Builder {
        private final String scenario;
        private final RunSpec spec;
        private final Simulation sim;
        private RunStatus status = RunStatus.REACHED_TIME;
        private final Map<String, History> histories = new LinkedHashMap<>();
        private final List<CheckResult> checks = new ArrayList<>();
        private final List<Series> series = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Table> findings = new ArrayList<>();
        private final Map<String, String> shown = new LinkedHashMap<>();

        private Builder(String scenario, RunSpec spec, Simulation sim) {
            this.scenario = scenario;
            this.spec = spec;
            this.sim = sim;
        }

        /** How the run ended (default REACHED_TIME). A bound makes the outcome UNKNOWN. */
        public Builder status(RunStatus s) {
            status = s;
            return this;
        }

        public Builder history(String name, History h) {
            histories.put(name, h);
            return this;
        }

        public Builder check(CheckResult c) {
            checks.add(c);
            return this;
        }

        public Builder series(Series s) {
            series.add(s);
            return this;
        }

        public Builder table(Table t) {
            tables.add(t);
            return this;
        }

        /**
         * What the report shows for these settings instead of their text as given, e.g. a value
         * resolved from a version's defaults: {@code 30000 (3.7 default)}.
         */
        public Builder settingsShown(Map<String, String> text) {
            shown.putAll(text);
            return this;
        }

        /**
         * A table that shows what the checks judged, item by item (e.g. each lost write): the
         * report shows it next to the checks and {@code run --json} prints it.
         */
        public Builder finding(Table t) {
            findings.add(t);
            return this;
        }

        /**
         * The result; an invariant violation becomes an INVALID check, a hard bound an UNKNOWN one,
         * and the outcome combines every check (a run with no check at all is UNKNOWN).
         */
        public RunResult build() {
            List<CheckResult> all = new ArrayList<>(checks);
            // A final stop (budget, pending bound) wins over whatever status the scenario saw last:
            // a later phase may have returned at once with another view of it.
            RunStatus status = sim.stoppedBy().orElse(this.status);
            sim.violation().ifPresent(v -> all.add(CheckResult.invalid("invariant " + v.invariant(), v.describe())));
            if (status.isBound()) {
                all.add(CheckResult.unknown("run completed", "stopped by " + status
                        + sim.stopReason().map(r -> " (" + r + ")").orElse("") + " after "
                        + sim.eventCount() + " events at " + SimTime.format(sim.now())));
            }
            Outcome outcome = all.isEmpty() ? Outcome.UNKNOWN : Outcome.VALID;
            for (CheckResult c : all) {
                outcome = outcome.and(c.outcome());
            }
            Trace t = sim.trace();
            Map<String, String> settings = new LinkedHashMap<>(spec.settings().asStrings());
            shown.forEach((k, v) -> settings.computeIfPresent(k, (key, raw) -> v));
            return new RunResult(scenario, spec.seed(), spec.durationNanos(), settings,
                    histories, status, all, outcome, t.hash(), sim.eventCount(), sim.now(), t.counts(),
                    t.messages(), t.faults(), series, tables, findings, t.moments(), sim.faultLog());
        }
    }
}
