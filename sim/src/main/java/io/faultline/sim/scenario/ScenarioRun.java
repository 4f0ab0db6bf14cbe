package io.faultline.sim.scenario;

import io.faultline.sim.Host;
import io.faultline.sim.ProcessFactory;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * The setup every scenario repeats, done once: a simulation for the spec's seed, a history
 * recorder, numbered hosts, a run for the spec's duration, and a result builder that already has
 * the status and the history.
 *
 * <pre>{@code
 * static RunResult run(RunSpec spec) {
 *     ScenarioRun run = new ScenarioRun(SCENARIO, spec);
 *     List<Host> nodes = run.addHosts("n", spec.settings().get(NODES), i -> self -> new Node(i));
 *     run.addHosts("c", 3, i -> self -> new MyClient(run.recorder(), i, nodes));
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
    private RunStatus status = RunStatus.REACHED_TIME;

    public ScenarioRun(Scenario scenario, RunSpec spec) {
        this.scenario = scenario;
        this.spec = spec;
        this.sim = new Simulation(spec.seed());
        this.recorder = new Recorder(sim);
    }

    public Simulation sim() {
        return sim;
    }

    public RunSpec spec() {
        return spec;
    }

    public Settings settings() {
        return spec.settings();
    }

    /** The recorder of the run's main history (named {@code history} in the result). */
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

    /** Runs until the spec's duration; the status goes into the result. */
    public RunStatus runForDuration() {
        status = sim.run(spec.durationNanos());
        return status;
    }

    /** Overrides the status recorded in the result (e.g. after a liveness phase of your own). */
    public void status(RunStatus s) {
        status = s;
    }

    /** A result builder with the status so far and the recorder's history; add checks, then build. */
    public RunResult.Builder result() {
        return RunResult.builder(scenario.name(), spec, sim).status(status).history("history", recorder.history());
    }
}
