package io.faultline.sim.scenario;

import io.faultline.sim.FaultPlan;
import io.faultline.sim.Host;
import io.faultline.sim.ProcessFactory;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * The scenario kit: the setup every scenario repeats, done once. A simulation for the spec's seed,
 * a history recorder, numbered hosts, the spec's fault plan, runs to a time or until a condition,
 * and a result builder that already has the status and the history. A model builds its cluster on
 * a run from a parameter record ({@code KafkaCluster.create(run, config, new ClusterShape(3, 1, 3))})
 * so that its hosts and clients share the run's simulation and recorder.
 *
 * <pre>{@code
 * static RunResult run(RunSpec spec) {
 *     ScenarioRun run = new ScenarioRun(SCENARIO, spec);
 *     List<Host> nodes = run.addHosts("n", spec.settings().get(NODES), i -> self -> new Node(i));
 *     run.addHosts("c", 3, i -> self -> new MyClient(run.recorder(), i, nodes));
 *     run.installFaults();
 *     run.runForDuration();
 *     return run.result().check(myCheck(run.recorder().history())).build();
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ScenarioRun {
    private final Scenario scenario;
    private final RunSpec spec;
    private final Simulation sim;
    private final Recorder recorder;
    private final Optional<String> historyName;
    private RunStatus status = RunStatus.REACHED_TIME;

    /** A run whose history is named {@code history} in the result. */
    public ScenarioRun(Scenario scenario, RunSpec spec) {
        this(scenario, spec, Optional.of("history"));
    }

    /** A run whose history is named {@code historyName} in the result (e.g. {@code kafka}). */
    public ScenarioRun(Scenario scenario, RunSpec spec, String historyName) {
        this(scenario, spec, Optional.of(historyName));
    }

    private ScenarioRun(Scenario scenario, RunSpec spec, Optional<String> historyName) {
        this.scenario = scenario;
        this.spec = spec;
        this.sim = new Simulation(spec.seed(), spec.bounds());
        this.recorder = new Recorder(sim);
        this.historyName = historyName;
        // A plan given with the spec (--faults, --random-faults, @SimulationTest) supplies every
        // fault: the scenario's own, drawn or scripted in its code, are dropped, so that no
        // scenario silently ignores the plan.
        spec.faults().ifPresent(sim::faultsOnlyFrom);
    }

    /** A run whose result has no history (its checks read the model's state or its own counters). */
    public static ScenarioRun withoutHistory(Scenario scenario, RunSpec spec) {
        return new ScenarioRun(scenario, spec, Optional.empty());
    }

    public Simulation sim() {
        return sim;
    }

    public Scenario scenario() {
        return scenario;
    }

    public RunSpec spec() {
        return spec;
    }

    public Settings settings() {
        return spec.settings();
    }

    /**
     * The wall-clock time a check after the run may take: {@code wanted}, or what the run's budget
     * has left; empty once it is spent (report the check UNKNOWN instead of running it).
     */
    public Optional<Duration> checkTime(Duration wanted) {
        return spec.bounds().budget().forChecks(wanted);
    }

    /** The virtual time the spec runs for. */
    public long duration() {
        return spec.durationNanos();
    }

    /** The recorder of the run's main history. */
    public Recorder recorder() {
        return recorder;
    }

    /** Adds hosts {@code prefix1 .. prefixN}; {@code factory.apply(i)} builds host i's processes (i from 0). */
    public List<Host> addHosts(String prefix, int count, IntFunction<ProcessFactory> factory) {
        List<Host> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(sim.addHost(prefix + (i + 1), factory.apply(i)));
        }
        return out;
    }

    /**
     * Installs the fault plan given with the spec ({@code --faults}), if any, now (else it is
     * installed when the run starts: call this where the order of its events matters).
     */
    public void installFaults() {
        spec.faults().ifPresent(sim::install);
    }

    /**
     * Installs the scenario's own fault plan (e.g. a nemesis drawing faults from the seed) and the
     * spec's, if any. Under the spec's plan the scenario's own still runs, but its calls take effect
     * only if the spec's plan claims them (a saved run replayed), so that the run is the same.
     */
    public void installFaults(FaultPlan own) {
        sim.install(own);
        installFaults();
    }

    /** Runs until the spec's duration; the status goes into the result. */
    public RunStatus runForDuration() {
        return runUntil(spec.durationNanos());
    }

    /** Runs until virtual time {@code nanos}; the status goes into the result. */
    public RunStatus runUntil(long nanos) {
        status = sim.run(nanos);
        return status;
    }

    /**
     * A scripted step: runs until {@code condition} holds (checked before every event) or
     * {@code limitNanos} of virtual time pass; true if it held. The status is not recorded: a
     * bound or an invariant that stops the step stops the run's next phase too.
     */
    public boolean await(BooleanSupplier condition, long limitNanos) {
        return sim.runUntil(condition, sim.now() + limitNanos) == RunStatus.CONDITION_MET;
    }

    /** How the last timed phase ended (REACHED_TIME before any). */
    public RunStatus status() {
        return status;
    }

    /** Overrides the status recorded in the result (e.g. after a phase run of your own). */
    public void status(RunStatus s) {
        status = s;
    }

    /** A result builder with the status so far and the recorder's history; add checks, then build. */
    public RunResult.Builder result() {
        RunResult.Builder b = RunResult.builder(scenario.name(), spec, sim).status(status);
        historyName.ifPresent(name -> b.history(name, recorder.history()));
        return b;
    }
}
